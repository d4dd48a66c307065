package io.demanager.bootstrap;

import io.demanager.adapter.runtime.kubernetes.KubernetesNotebookRuntime;
import io.demanager.adapter.runtime.process.ProcessNotebookRuntime;
import io.demanager.adapter.runtime.simulated.SimulatedNotebookRuntime;
import io.demanager.application.port.in.InstanceUseCases;
import io.demanager.application.port.in.RecordRuntimeProgressUseCase;
import io.demanager.application.port.in.ResumeRuntimeWorkUseCase;
import io.demanager.application.port.out.AutoStopMetrics;
import io.demanager.application.port.out.Catalog;
import io.demanager.application.port.out.LeaseChanges;
import io.demanager.application.port.out.NotebookRuntime;
import io.demanager.application.port.out.Stores;
import io.demanager.application.port.out.WebhookOutbox;
import io.demanager.application.service.ApplicationServices;
import io.demanager.bootstrap.autostop.AutoStopEngineSettings;
import io.demanager.bootstrap.autostop.AutoStopWorker;
import io.demanager.bootstrap.config.RuntimeSelection;
import io.demanager.bootstrap.idlestop.IdleStopEngineSettings;
import io.demanager.bootstrap.idlestop.IdleStopMetrics;
import io.demanager.bootstrap.idlestop.IdleStopWorker;
import io.demanager.bootstrap.logging.StatusChangeLog;
import io.demanager.bootstrap.retention.RetentionEngineSettings;
import io.demanager.bootstrap.retention.RetentionWorker;
import io.demanager.bootstrap.webhook.HttpWebhookSender;
import io.demanager.bootstrap.webhook.WebhookSettings;
import io.demanager.bootstrap.webhook.WebhookSignature;
import io.demanager.bootstrap.webhook.WebhookWorker;
import io.demanager.domain.autostop.AutoStopPolicy;
import io.demanager.domain.autostop.LeaseRenewalPolicy;
import io.demanager.domain.instance.InstanceId;
import io.vavr.control.Option;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Objects;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * The composition root: the application's services ({@link ApplicationServices}) over the given stores and catalog,
 * with the adapters only a server has around them: random instance ids, the runtime the configuration chose (real
 * Jupyter processes or the simulation), which reports progress to the services, the auto-stop worker, woken by the
 * lease changes it is told of ({@link #wakeAutoStopOn}), the idle-stop worker, the retention worker, and the log of
 * every status change ({@link StatusChangeLog}).
 * The server runs one; several over one database behave as replicas.
 */
public final class Assembly implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Assembly.class);

    /**
     * @param freeFlavorCapacity how many instances of each free flavor may run at once
     */
    public record Settings(AutoStopPolicy autoStopPolicy, int freeFlavorCapacity, RuntimeSelection runtime,
                           AutoStopEngineSettings autoStop, LeaseRenewalPolicy leaseRenewal, IdleStopEngineSettings idleStop,
                           RetentionEngineSettings retention) {

        public Settings {
            Objects.requireNonNull(autoStopPolicy, "autoStopPolicy");
            Objects.requireNonNull(leaseRenewal, "leaseRenewal");
            Objects.requireNonNull(runtime, "runtime");
            Objects.requireNonNull(autoStop, "autoStop");
            Objects.requireNonNull(idleStop, "idleStop");
            Objects.requireNonNull(retention, "retention");
        }

        /** The settings with idle stop's and retention's defaults. */
        public Settings(AutoStopPolicy autoStopPolicy, int freeFlavorCapacity, RuntimeSelection runtime,
                        AutoStopEngineSettings autoStop, LeaseRenewalPolicy leaseRenewal) {
            this(autoStopPolicy, freeFlavorCapacity, runtime, autoStop, leaseRenewal, IdleStopEngineSettings.DEFAULT,
                    RetentionEngineSettings.DEFAULT);
        }
    }

    private final InstanceUseCases useCases;
    private final ResumeRuntimeWorkUseCase resume;
    private final AutoCloseable runtimeWork;
    private final RuntimeSelection.Kind runtimeKind;
    private final BooleanSupplier runtimeTakesWork;
    private final AutoStopWorker worker;
    private final IdleStopWorker idleStopWorker;
    private final RetentionWorker retention;
    private final ApplicationServices services;
    private final Clock clock;
    private Option<WebhookWorker> webhooks = Option.none();

    /**
     * @param random decides which requests the simulated runtime fails; a seeded one makes a run repeatable
     */
    public Assembly(Stores stores, Catalog catalog, Settings settings, AutoStopMetrics metrics, IdleStopMetrics idleStopMetrics,
                    RandomGenerator random, Clock clock) {
        NotebookRuntime runtime;
        Consumer<RecordRuntimeProgressUseCase> reportTo;
        if (settings.runtime().process().isDefined()) {
            var processes = new ProcessNotebookRuntime(settings.runtime().process().get());
            runtime = processes;
            runtimeWork = processes;
            runtimeKind = RuntimeSelection.Kind.PROCESS;
            runtimeTakesWork = processes::takesWork;
            reportTo = processes::reportTo;
        } else if (settings.runtime().kubernetes().isDefined()) {
            var pods = KubernetesNotebookRuntime.connect(settings.runtime().kubernetes().get());
            pods.removeObjectsUnless(ref -> stores.instances().find(ref.projectId(), ref.instanceId()).isDefined());
            runtime = pods;
            runtimeWork = pods;
            runtimeKind = RuntimeSelection.Kind.KUBERNETES;
            runtimeTakesWork = pods::takesWork;
            reportTo = pods::reportTo;
        } else {
            settings.runtime().fallback().forEach(why -> LOG.warn("The simulated runtime runs the notebooks: {}", why));
            var simulated = new SimulatedNotebookRuntime(settings.runtime().simulated(), random);
            runtime = simulated;
            runtimeWork = simulated;
            runtimeKind = RuntimeSelection.Kind.SIMULATED;
            runtimeTakesWork = simulated::takesWork;
            reportTo = simulated::reportTo;
        }
        this.clock = clock;
        services = new ApplicationServices(stores, catalog, runtime, () -> new InstanceId(UUID.randomUUID()), metrics,
                new StatusChangeLog(),
                new ApplicationServices.Settings(settings.autoStopPolicy(), settings.freeFlavorCapacity(),
                        settings.leaseRenewal(), settings.autoStop().warningBefore(), settings.idleStop().policy()), clock);
        useCases = services.instanceUseCases();
        reportTo.accept(services.runtimeProgress());
        resume = services.resumeRuntimeWork();
        worker = new AutoStopWorker(services.stopExpiredLeases(), services.warnEndingLeases(), settings.autoStop());
        idleStopWorker = new IdleStopWorker(services.stopIdleInstances(), settings.idleStop(), idleStopMetrics);
        retention = new RetentionWorker(services.deleteExpiredRetentions(), settings.retention());
    }

    /** The auto-stop worker plans again whenever {@code news} tells of a changed lease. */
    public void wakeAutoStopOn(LeaseChanges news) {
        news.whenLeasesChange(worker::wake);
    }

    /**
     * Events are also posted to the webhooks of {@code settings}, from {@code outbox}, by a worker that {@link #start()}
     * starts; answers it, to be woken when events are written and watched by the metrics.
     */
    public WebhookWorker deliverWebhooks(WebhookOutbox outbox, WebhookSettings settings) {
        var sender = new HttpWebhookSender(new WebhookSignature(settings.secret()), settings.timeout(), clock);
        var webhookWorker = new WebhookWorker(services.webhookDelivery(outbox, sender, settings.retries()), outbox);
        webhooks = Option.some(webhookWorker);
        return webhookWorker;
    }

    /** The use cases the HTTP API calls. */
    public InstanceUseCases useCases() {
        return useCases;
    }

    /** Whether the notebook runtime takes work now. */
    public boolean runtimeTakesWork() {
        return runtimeTakesWork.getAsBoolean();
    }

    /** Which runtime runs the notebooks: the one chosen, or the simulation it fell back to. */
    public RuntimeSelection.Kind runtimeKind() {
        return runtimeKind;
    }

    /** The auto-stop worker, whose rounds the server's readiness watches. */
    public AutoStopWorker autoStop() {
        return worker;
    }

    /**
     * Asks the runtime again for the work lost with the last process, then starts the auto-stop, idle-stop, retention
     * and webhook workers.
     */
    public void start() {
        resumeRuntimeWork();
        worker.start();
        idleStopWorker.start();
        retention.start();
        webhooks.forEach(WebhookWorker::start);
    }

    /** Asks the runtime again for every instance that waits for it; answers how many there were. */
    public int resumeRuntimeWork() {
        return resume.resume();
    }

    /**
     * Stops the auto-stop, idle-stop and retention workers (their work in progress is finished first), then drops the
     * runtime's work in flight; running notebooks keep running, for the next server to find again.
     */
    @Override
    public void close() {
        webhooks.forEach(WebhookWorker::close);
        worker.close();
        idleStopWorker.close();
        retention.close();
        try {
            runtimeWork.close();
        } catch (Exception e) {
            LOG.warn("The runtime did not close cleanly", e);
        }
    }
}
