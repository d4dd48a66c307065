package io.demanager.bootstrap.runtime;

import io.demanager.application.port.in.GetAccessTokenQuery;
import io.demanager.application.port.in.GetInstanceQuery;
import static io.demanager.testkit.Principals.MEMBER;
import io.demanager.adapter.persistence.catalog.JsonCatalog;
import io.demanager.application.port.in.InstanceEventsQuery;
import io.demanager.adapter.runtime.simulated.SimulatedNotebookRuntime;
import io.demanager.adapter.runtime.simulated.SimulatedRuntimeSettings;
import io.demanager.application.port.in.InstanceRef;
import io.demanager.application.port.out.DesiredState;
import io.demanager.application.port.in.InstanceActionCommand;
import io.demanager.application.port.in.InstanceActionCommand.Action;
import io.demanager.bootstrap.Assemblies;
import io.demanager.bootstrap.Assembly;
import io.demanager.bootstrap.autostop.AutoStopEngineSettings;
import io.demanager.domain.autostop.AutoStopPolicy;
import io.demanager.domain.error.DomainError;
import io.demanager.domain.instance.FailedReason;
import io.demanager.domain.instance.Instance;
import io.demanager.domain.instance.InstanceStatus;
import io.demanager.domain.instance.LifecycleEvent;
import io.demanager.domain.instance.TransitionCause;
import io.demanager.testkit.InstanceBuilder;
import io.demanager.testkit.memory.InMemoryInstanceStore;
import io.vavr.collection.HashSet;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Random;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static io.demanager.bootstrap.CreateRequests.PAID_CPU;
import static io.demanager.bootstrap.CreateRequests.create;
import static io.demanager.bootstrap.Eventually.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The simulated runtime behind the real use cases: what it does shows as the documented statuses and failures. */
class SimulatedNotebookRuntimeTest {

    private static final String OTHER_CPU = "modelarts.vm.cpu.8u";
    private static final Duration DELAY = Duration.ofMillis(5);
    /** Long enough that a loaded machine reads the status before the runtime reports. */
    private static final Duration DELAY_SEEN_AS_CREATING = Duration.ofSeconds(1);

    private final InMemoryInstanceStore store = new InMemoryInstanceStore();
    private Assembly node;

    @AfterEach
    void stopTheNode() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void aCreatedInstanceRunsAfterTheDelayAndAStoppedOneStops() {
        node = nodeWith(new SimulatedRuntimeSettings(DELAY_SEEN_AS_CREATING, 0, HashSet.empty()));
        InstanceRef ref = created("runs", PAID_CPU);
        assertThat(status(ref)).isEqualTo(InstanceStatus.CREATING);

        waitUntil("it runs", () -> status(ref) == InstanceStatus.RUNNING);
        node.useCases().action().act(new InstanceActionCommand(MEMBER, ref, Action.STOP, Option.none())).get();
        waitUntil("it stops", () -> status(ref) == InstanceStatus.STOPPED);

        assertThat(events(ref).map(event -> event.to() + " by " + event.cause())).containsExactly(
                "STOPPED by RUNTIME_PROGRESS", "STOPPING by USER_REQUEST", "RUNNING by RUNTIME_PROGRESS", "CREATING by USER_REQUEST");
    }

    @Test
    void aFlavorThatAlwaysFailsEndsInCreateFailedWithTheReason() {
        node = nodeWith(new SimulatedRuntimeSettings(DELAY, 0, HashSet.of(OTHER_CPU)));
        InstanceRef ok = created("fine", PAID_CPU);
        InstanceRef ref = created("doomed", OTHER_CPU);

        waitUntil("the creation fails", () -> status(ref) == InstanceStatus.CREATE_FAILED);
        waitUntil("the other flavor runs", () -> status(ok) == InstanceStatus.RUNNING);

        assertThat(instance(ref).failure()).containsExactly(new FailedReason(SimulatedNotebookRuntime.CREATE_FAILED,
                "The simulated runtime could not create the notebook.",
                LinkedHashMap.of("flavor", OTHER_CPU, "why", "the flavor always fails")));
        assertThat(events(ref).head().cause()).isEqualTo(TransitionCause.FAILURE);
    }

    @Test
    void aStartThatFailsEndsInStartFailedWithTheReason() {
        node = nodeWith(new SimulatedRuntimeSettings(DELAY, 0, HashSet.empty()));
        InstanceRef ref = created("unlucky", PAID_CPU);
        waitUntil("it runs", () -> status(ref) == InstanceStatus.RUNNING);
        node.useCases().action().act(new InstanceActionCommand(MEMBER, ref, Action.STOP, Option.none())).get();
        waitUntil("it stops", () -> status(ref) == InstanceStatus.STOPPED);

        try (Assembly failingServer = nodeWith(new SimulatedRuntimeSettings(DELAY, 1, HashSet.empty()))) {
            failingServer.useCases().action().act(new InstanceActionCommand(MEMBER, ref, Action.START, Option.none())).get();
            waitUntil("the start fails", () -> status(ref) == InstanceStatus.START_FAILED);
        }

        assertThat(instance(ref).failure()).containsExactly(new FailedReason(SimulatedNotebookRuntime.START_FAILED,
                "The simulated runtime could not start the notebook.",
                LinkedHashMap.of("flavor", PAID_CPU, "why", "failure rate 1.0")));
        assertThat(events(ref).head()).isEqualTo(new LifecycleEvent(ref.instanceId(), Option.some(InstanceStatus.STARTING),
                InstanceStatus.START_FAILED, TransitionCause.FAILURE, instance(ref).updatedAt(), instance(ref).version()));
    }

    @Test
    void theSameSeedFailsTheSameRequests() throws InterruptedException {
        List<String> first = outcomesOfTwentyCreations(new Random(42));
        List<String> second = outcomesOfTwentyCreations(new Random(42));

        assertThat(first).isEqualTo(second).contains("Created", "CreateFailed");
    }

    @Test
    void aRequestMadeTwiceIsReportedTwiceAndTheSecondReportChangesNothing() throws InterruptedException {
        node = nodeWith(new SimulatedRuntimeSettings(DELAY, 0, HashSet.empty()));
        InstanceRef ref = created("twice", PAID_CPU);
        waitUntil("it runs", () -> status(ref) == InstanceStatus.RUNNING);
        node.useCases().action().act(new InstanceActionCommand(MEMBER, ref, Action.STOP, Option.none())).get();

        int askedAgain = node.resumeRuntimeWork();
        waitUntil("it stops", () -> status(ref) == InstanceStatus.STOPPED);
        Thread.sleep(DELAY.multipliedBy(20).toMillis()); // let the second report arrive: it must change nothing

        assertThat(askedAgain).isEqualTo(1);
        assertThat(status(ref)).isEqualTo(InstanceStatus.STOPPED);
        assertThat(events(ref).count(event -> event.to() == InstanceStatus.STOPPED)).isEqualTo(1);
    }

    @Test
    void theAccessTokenLastsForOneRunAndARestartGivesANewOne() {
        node = nodeWith(new SimulatedRuntimeSettings(DELAY, 0, HashSet.empty()));
        InstanceRef ref = created("token", PAID_CPU);
        waitUntil("it runs", () -> status(ref) == InstanceStatus.RUNNING);

        String first = node.useCases().accessToken().accessToken(new GetAccessTokenQuery(MEMBER, ref)).get();
        String again = node.useCases().accessToken().accessToken(new GetAccessTokenQuery(MEMBER, ref)).get();
        node.useCases().action().act(new InstanceActionCommand(MEMBER, ref, Action.RESTART, Option.none())).get();
        waitUntil("it runs again", () -> status(ref) == InstanceStatus.RUNNING);
        String afterRestart = node.useCases().accessToken().accessToken(new GetAccessTokenQuery(MEMBER, ref)).get();

        assertThat(first).isNotBlank().isEqualTo(again).isNotEqualTo(afterRestart);
    }

    @Test
    void settingsOutOfRangeAreRefused() {
        assertThatThrownBy(() -> new SimulatedRuntimeSettings(Duration.ofMillis(-1), 0, HashSet.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SimulatedRuntimeSettings(DELAY, 1.5, HashSet.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SimulatedRuntimeSettings(DELAY, Double.NaN, HashSet.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** What a runtime that fails half of its requests reports for twenty creations, in order. */
    private static List<String> outcomesOfTwentyCreations(Random random) throws InterruptedException {
        var reports = new LinkedBlockingQueue<String>();
        try (var runtime = new SimulatedNotebookRuntime(new SimulatedRuntimeSettings(Duration.ZERO, 0.5, HashSet.empty()), random)) {
            runtime.reportTo((ref, event) -> {
                reports.add(event.wireName());
                return Either.left(new DomainError.InstanceNotFound(ref.instanceId().value()));
            });
            List.range(0, 20).forEach(n -> runtime.ensure(InstanceBuilder.anInstance().status(InstanceStatus.CREATING).build(), DesiredState.RUNNING));
            var outcomes = new java.util.ArrayList<String>();
            while (outcomes.size() < 20) {
                outcomes.add(reports.poll(1, TimeUnit.MINUTES));
            }
            return List.ofAll(outcomes);
        }
    }

    private Assembly nodeWith(SimulatedRuntimeSettings settings) {
        return Assemblies.assembly(store.stores(), JsonCatalog.fromClasspath(), AutoStopPolicy.DEFAULT, settings,
                AutoStopEngineSettings.DEFAULT, lateness -> { });
    }

    private InstanceRef created(String name, String flavor) {
        Instance instance = node.useCases().create().create(create(name, flavor)).get().instance();
        return new InstanceRef(instance.projectId(), instance.id());
    }

    private Instance instance(InstanceRef ref) {
        return node.useCases().get().get(new GetInstanceQuery(MEMBER, ref)).get().instance();
    }

    private InstanceStatus status(InstanceRef ref) {
        return instance(ref).status();
    }

    private List<LifecycleEvent> events(InstanceRef ref) {
        return node.useCases().events().events(new InstanceEventsQuery(MEMBER, ref, 0, 0)).get().events();
    }
}
