package io.demanager.adapter.runtime;

import io.demanager.application.port.out.DesiredState;
import io.demanager.application.port.out.NotebookRuntime;
import io.demanager.domain.idle.NotebookActivity;
import io.demanager.domain.instance.Instance;
import io.demanager.domain.instance.InstanceStatus;
import io.demanager.domain.instance.NotebookAccess;
import io.demanager.domain.instance.RuntimeEvent;
import io.vavr.control.Option;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;

import static io.demanager.testkit.InstanceBuilder.anInstance;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link NotebookRuntime} does, whatever runs the notebooks. A runtime that runs no real notebook
 * (the simulation) says so in {@link #runsRealNotebooks()}, and the parts that need one are skipped with that reason.
 * Each test works on instances of its own, so tests may run in parallel.
 */
@Execution(ExecutionMode.CONCURRENT)
public abstract class NotebookRuntimeContract {

    protected static final Duration REPORT_WITHIN = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    protected final ReportedProgress reports = new ReportedProgress();
    private final java.util.List<Instance> created = new ArrayList<>();

    /** A runtime reporting to {@link #reports}. */
    protected abstract NotebookRuntime runtime();

    /** A runtime reporting to {@link #reports} whose every launch fails. */
    protected abstract NotebookRuntime failingRuntime();

    /** Why the parts that need a real notebook are skipped; none when this runtime runs real notebooks. */
    protected abstract Option<String> runsNoRealNotebook();

    /** Kills the notebook of {@code instance} the way a crash would, behind the runtime's back. */
    protected abstract void killFromOutside(Instance instance);

    /** Whether anything of {@code instance} is left on the machine: files, processes. */
    protected abstract boolean leavesTraces(Instance instance);

    /**
     * Closes the runtime, as a server that stops does, and builds a new one over the same machine, as the next
     * server does; {@link #runtime()} answers the new one from then on.
     */
    protected abstract NotebookRuntime rebuild();

    /** Closes the runtimes, once the instances of the test are gone. */
    protected abstract void closeRuntimes();

    @AfterEach
    void removeInstancesThenCloseRuntimes() {
        removeInstances();
        closeRuntimes();
    }

    private void removeInstances() {
        created.forEach(instance -> runtime().ensure(in(instance, InstanceStatus.DELETED), DesiredState.GONE));
        Instant deadline = Instant.now().plus(REPORT_WITHIN);
        created.forEach(instance -> {
            while (leavesTraces(instance) && Instant.now().isBefore(deadline)) {
                pause();
            }
        });
    }

    @Test
    void aCreationReportsCreatedWithANotebookThatOpensWithItsTokenOnly() {
        Instance creating = newInstance(InstanceStatus.CREATING);

        runtime().ensure(creating, DesiredState.RUNNING);
        NotebookAccess access = launched(creating, RuntimeEvent.Created.class);

        assertThat(access.token()).hasSizeGreaterThanOrEqualTo(32);
        requireRealNotebooks();
        assertThat(status(access.url() + "api/contents", Option.some(access.token()))).isEqualTo(200);
        assertThat(status(access.url() + "api/contents", Option.none())).isEqualTo(403);
    }

    @Test
    void aStopReportsStoppedOnceTheNotebookIsUnreachable() {
        Instance creating = newInstance(InstanceStatus.CREATING);
        runtime().ensure(creating, DesiredState.RUNNING);
        NotebookAccess access = launched(creating, RuntimeEvent.Created.class);

        runtime().ensure(in(creating, InstanceStatus.STOPPING), DesiredState.STOPPED);

        assertThat(reports.next(creating.id(), REPORT_WITHIN)).isEqualTo(new RuntimeEvent.Stopped());
        requireRealNotebooks();
        assertThat(status(access.url() + "api/status", Option.some(access.token()))).as("no notebook answers").isEqualTo(-1);
        assertThat(leavesTraces(creating)).as("a stopped notebook keeps its files").isTrue();
    }

    @Test
    void aRestartGivesANewTokenAndTheOldOneNoLongerOpens() {
        Instance creating = newInstance(InstanceStatus.CREATING);
        runtime().ensure(creating, DesiredState.RUNNING);
        NotebookAccess first = launched(creating, RuntimeEvent.Created.class);

        runtime().ensure(in(creating, InstanceStatus.RESTARTING), DesiredState.RESTARTED);
        NotebookAccess second = launched(creating, RuntimeEvent.Started.class);

        assertThat(second.token()).isNotEqualTo(first.token());
        requireRealNotebooks();
        assertThat(status(second.url() + "api/status", Option.some(second.token()))).isEqualTo(200);
        assertThat(status(second.url() + "api/status", Option.some(first.token()))).isIn(403, -1);
    }

    @Test
    void aDeletionLeavesNothingBehindAndIsNotReported() {
        Instance creating = newInstance(InstanceStatus.CREATING);
        runtime().ensure(creating, DesiredState.RUNNING);
        NotebookAccess access = launched(creating, RuntimeEvent.Created.class);

        runtime().ensure(in(creating, InstanceStatus.DELETED), DesiredState.GONE);

        Instant deadline = Instant.now().plus(REPORT_WITHIN);
        while (leavesTraces(creating) && Instant.now().isBefore(deadline)) {
            pause();
        }
        assertThat(leavesTraces(creating)).isFalse();
        assertThat(reports.nothingMore(creating.id(), Duration.ofMillis(500))).isTrue();
        requireRealNotebooks();
        assertThat(status(access.url() + "api/status", Option.some(access.token()))).isEqualTo(-1);
    }

    @Test
    void aLaunchThatFailsReportsItsReason() {
        Instance creating = newInstance(InstanceStatus.CREATING);
        Instance starting = newInstance(InstanceStatus.STARTING);

        failingRuntime().ensure(creating, DesiredState.RUNNING);
        failingRuntime().ensure(starting, DesiredState.RUNNING);

        RuntimeEvent createOutcome = reports.next(creating.id(), REPORT_WITHIN);
        RuntimeEvent startOutcome = reports.next(starting.id(), REPORT_WITHIN);
        assertThat(createOutcome).isInstanceOf(RuntimeEvent.CreateFailed.class);
        assertThat(startOutcome).isInstanceOf(RuntimeEvent.StartFailed.class);
        assertThat(((RuntimeEvent.Failure) createOutcome).reason().message()).isNotBlank();
        assertThat(((RuntimeEvent.Failure) startOutcome).reason().code()).isNotBlank();
    }

    @Test
    void aNotebookKilledFromOutsideIsReportedFaulted() {
        requireRealNotebooks();
        Instance creating = newInstance(InstanceStatus.CREATING);
        runtime().ensure(creating, DesiredState.RUNNING);
        launched(creating, RuntimeEvent.Created.class);

        killFromOutside(creating);

        RuntimeEvent fault = reports.next(creating.id(), Duration.ofSeconds(15));
        assertThat(fault).isInstanceOf(RuntimeEvent.Faulted.class);
        assertThat(((RuntimeEvent.Faulted) fault).reason().message()).isNotBlank();
    }

    @Test
    void theActivityOfANotebookShowsAKernelOnceOneIsStarted() {
        requireRealNotebooks();
        Instance creating = newInstance(InstanceStatus.CREATING);
        runtime().ensure(creating, DesiredState.RUNNING);
        NotebookAccess access = launched(creating, RuntimeEvent.Created.class);
        Instance running = in(creating, InstanceStatus.RUNNING);
        NotebookActivity before = runtime().activity(running).get();

        Instant kernelStarted = Instant.now();
        assertThat(post(access.url() + "api/kernels", access.token())).isEqualTo(201);
        NotebookActivity after = runtime().activity(running).get();

        assertThat(before.kernels()).isEmpty();
        assertThat(before.lastActivity()).isEmpty();
        assertThat(after.kernels()).hasSize(1);
        assertThat(after.lastActivity().get()).isAfterOrEqualTo(kernelStarted.minusSeconds(1));
        assertThat(after.openTerminals()).isZero();
        assertThat(runtime().activity(newInstance(InstanceStatus.STOPPED))).as("nothing runs for it").isEmpty();
    }

    @Test
    void aRebuiltRuntimeFindsRunningNotebooksAgainAndReportsTheOnesThatAreGone() {
        requireRealNotebooks();
        Instance kept = newInstance(InstanceStatus.CREATING);
        Instance lost = newInstance(InstanceStatus.CREATING);
        runtime().ensure(kept, DesiredState.RUNNING);
        runtime().ensure(lost, DesiredState.RUNNING);
        NotebookAccess keptAccess = launched(kept, RuntimeEvent.Created.class);
        NotebookAccess lostAccess = launched(lost, RuntimeEvent.Created.class);

        NotebookRuntime rebuilt = rebuild();
        killFromOutside(lost);
        rebuilt.ensure(running(kept, keptAccess), DesiredState.RUNNING);
        rebuilt.ensure(running(lost, lostAccess), DesiredState.RUNNING);

        assertThat(reports.next(lost.id(), Duration.ofSeconds(30))).isInstanceOf(RuntimeEvent.Faulted.class);
        assertThat(reports.nothingMore(kept.id(), Duration.ofSeconds(2))).as("the kept notebook is not reported again").isTrue();
        assertThat(status(keptAccess.url() + "api/status", Option.some(keptAccess.token()))).isEqualTo(200);
        assertThat(rebuilt.activity(running(kept, keptAccess))).as("watched again").isNotEmpty();
    }

    @Test
    void aRebuiltRuntimeHoldsTheNotebooksOfEarlierServersAndDiscardsThemWhenAsked() {
        requireRealNotebooks();
        Instance creating = newInstance(InstanceStatus.CREATING);
        runtime().ensure(creating, DesiredState.RUNNING);
        NotebookAccess access = launched(creating, RuntimeEvent.Created.class);

        NotebookRuntime rebuilt = rebuild();
        assertThat(rebuilt.held()).contains(creating.id());
        rebuilt.discard(creating.id());

        Instant deadline = Instant.now().plus(REPORT_WITHIN);
        while (leavesTraces(creating) && Instant.now().isBefore(deadline)) {
            pause();
        }
        assertThat(leavesTraces(creating)).isFalse();
        assertThat(rebuilt.held()).doesNotContain(creating.id());
        assertThat(reports.nothingMore(creating.id(), Duration.ofMillis(500))).as("a discarded instance is not reported").isTrue();
        assertThat(status(access.url() + "api/status", Option.some(access.token()))).isEqualTo(-1);
    }

    /** An instance of this test, in {@code status}; it is removed after the test. */
    protected Instance newInstance(InstanceStatus status) {
        Instance instance = anInstance().status(status).build();
        created.add(instance);
        return instance;
    }

    /** The same instance, moved to {@code status} the way the application would before asking the runtime. */
    public static Instance in(Instance instance, InstanceStatus status) {
        return new Instance(instance.id(), instance.projectId(), instance.name(), instance.description(), status,
                instance.createdAt(), instance.updatedAt(), instance.profile(), instance.flavor(), instance.pool(),
                instance.spec(), instance.autoStop(), Option.none(), Option.none(),
                status.isQueued() ? Option.some(instance.createdAt()) : Option.none(),
                status.isInactive() ? Option.some(instance.updatedAt()) : Option.none(), Option.none(),
                instance.workspaceId(), instance.aiProjectId(), instance.owner(), instance.idleStop(),
                status == InstanceStatus.RUNNING ? Option.some(instance.updatedAt()) : Option.none(), Option.none(),
                instance.version());
    }

    /** The same instance, RUNNING with {@code access}, as the store keeps it. */
    public static Instance running(Instance instance, NotebookAccess access) {
        Instance running = in(instance, InstanceStatus.RUNNING);
        return new Instance(running.id(), running.projectId(), running.name(), running.description(), running.status(),
                running.createdAt(), running.updatedAt(), running.profile(), running.flavor(), running.pool(),
                running.spec(), running.autoStop(), Option.none(), Option.none(), Option.none(), Option.none(),
                Option.some(access), running.workspaceId(), running.aiProjectId(), running.owner(), running.idleStop(),
                running.runningSince(), running.idleWarnedAt(), running.version());
    }

    protected NotebookAccess launched(Instance instance, Class<? extends RuntimeEvent.Launched> expected) {
        RuntimeEvent outcome = reports.next(instance.id(), REPORT_WITHIN);
        assertThat(outcome).as("what the launch reported").isInstanceOf(expected);
        return ((RuntimeEvent.Launched) outcome).access();
    }

    private void requireRealNotebooks() {
        runsNoRealNotebook().forEach(why -> Assumptions.abort("needs a real notebook: " + why));
    }

    /** The HTTP status of GET {@code url}; -1 when nothing answers there. */
    protected static int status(String url, Option<String> token) {
        var request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET();
        token.forEach(value -> request.header("Authorization", "token " + value));
        return send(request.build());
    }

    private static int post(String url, String token) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(REPORT_WITHIN)
                .header("Authorization", "token " + token).POST(HttpRequest.BodyPublishers.ofString("{}")).build());
    }

    private static int send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
