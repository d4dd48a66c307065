package io.demanager.adapter.runtime.simulated;

import io.demanager.application.port.in.InstanceRef;
import io.demanager.application.port.in.RecordRuntimeProgressUseCase;
import io.demanager.application.port.out.DesiredState;
import io.demanager.application.port.out.NotebookRuntime;
import io.demanager.domain.idle.NotebookActivity;
import io.demanager.domain.instance.FailedReason;
import io.demanager.domain.instance.Instance;
import io.demanager.domain.instance.InstanceStatus;
import io.demanager.domain.instance.NotebookAccess;
import io.demanager.domain.instance.RuntimeEvent;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.control.Option;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

/**
 * A runtime that runs no notebook but behaves like one: each request completes after the configured delay and
 * reports its outcome through {@link RecordRuntimeProgressUseCase}, so the API shows CREATING, then RUNNING, and so
 * on; a running notebook's address is in the reserved {@code .invalid} domain. Creates, starts and restarts fail at the configured rate, or always for the configured flavors, so that
 * CREATE_FAILED and START_FAILED can be seen; a stop always succeeds.
 * <p>
 * Work in flight lives in this process only. After a restart the application asks again for whatever was waiting
 * (see {@link io.demanager.application.port.in.ResumeRuntimeWorkUseCase}); a report that no longer fits the instance
 * (made twice, or about an instance deleted meanwhile) is refused by the application, and ignored here.
 */
public final class SimulatedNotebookRuntime implements NotebookRuntime, AutoCloseable {

    public static final String CREATE_FAILED = "Simulated.CreateFailed";
    public static final String START_FAILED = "Simulated.StartFailed";

    private static final Logger LOG = LoggerFactory.getLogger(SimulatedNotebookRuntime.class);

    private final SimulatedRuntimeSettings settings;
    private final RandomGenerator random;
    private final ScheduledExecutorService work;
    private volatile RecordRuntimeProgressUseCase progress;

    /** @param random decides which requests fail; a seeded one makes a run repeatable */
    public SimulatedNotebookRuntime(SimulatedRuntimeSettings settings, RandomGenerator random) {
        this.settings = settings;
        this.random = random;
        this.work = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "simulated-runtime");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Where outcomes are reported; called once, before the first request. It cannot be a constructor argument:
     * the use case that records progress itself asks this runtime for work.
     */
    public void reportTo(RecordRuntimeProgressUseCase recorder) {
        if (progress != null) {
            throw new IllegalStateException("the simulated runtime already reports to a use case");
        }
        progress = recorder;
    }

    @Override
    public void ensure(Instance instance, DesiredState desired) {
        switch (desired) {
            // A simulated notebook that runs keeps running, whatever server asks.
            case RUNNING, RESTARTED -> {
                if (instance.status() != InstanceStatus.RUNNING) {
                    complete(instance, launchOutcome(instance));
                }
            }
            case STOPPED -> complete(instance, new RuntimeEvent.Stopped());
            // Nothing runs, so nothing is released, and a deleted instance is gone for good: nothing to report.
            case GONE -> { }
        }
    }

    /** A simulated notebook that runs keeps running, whatever server asks: a new server has nothing to find. */
    @Override
    public boolean notebooksOutliveTheServer() {
        return false;
    }

    /** A simulated notebook does nothing: a running one has no kernel and no terminal, so idle stop sees it idle. */
    @Override
    public Option<NotebookActivity> activity(Instance instance) {
        return Option.when(instance.status() == InstanceStatus.RUNNING, () -> new NotebookActivity(List.empty(), List.empty()));
    }

    /** Whether it takes work: until {@link #close()}. */
    public boolean takesWork() {
        return !work.isShutdown();
    }

    /** Drops the work in flight, as a process that stops would. */
    @Override
    public void close() {
        work.shutdownNow();
    }

    private RuntimeEvent launchOutcome(Instance instance) {
        if (fails(instance)) {
            return instance.status() == InstanceStatus.CREATING
                    ? new RuntimeEvent.CreateFailed(failure(instance, CREATE_FAILED, "The simulated runtime could not create the notebook."))
                    : new RuntimeEvent.StartFailed(failure(instance, START_FAILED, "The simulated runtime could not start the notebook."));
        }
        var access = new NotebookAccess("http://" + instance.id().value() + ".simulated.invalid/", "simulated-" + UUID.randomUUID());
        return RuntimeEvent.launched(instance.status(), access);
    }

    private void complete(Instance instance, RuntimeEvent outcome) {
        RecordRuntimeProgressUseCase recorder = progress;
        if (recorder == null) {
            throw new IllegalStateException("the simulated runtime reports to no use case yet");
        }
        var ref = new InstanceRef(instance.projectId(), instance.id());
        work.schedule(() -> report(recorder, ref, outcome), settings.delay().toNanos(), TimeUnit.NANOSECONDS);
    }

    private static void report(RecordRuntimeProgressUseCase recorder, InstanceRef ref, RuntimeEvent outcome) {
        try {
            recorder.record(ref, outcome);
        } catch (RuntimeException e) {
            LOG.warn("The simulated runtime could not report {} for {}; it will be asked again when the server restarts",
                    outcome.wireName(), ref.instanceId().value(), e);
        }
    }

    private synchronized boolean fails(Instance instance) {
        return settings.failingFlavors().contains(instance.flavor().name()) || random.nextDouble() < settings.failureRate();
    }

    private FailedReason failure(Instance instance, String code, String message) {
        String why = settings.failingFlavors().contains(instance.flavor().name())
                ? "the flavor always fails"
                : "failure rate " + settings.failureRate();
        return new FailedReason(code, message, LinkedHashMap.of("flavor", instance.flavor().name(), "why", why));
    }
}
