package io.demanager.domain.instance;

import io.demanager.domain.error.DomainError;
import io.vavr.control.Either;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;

import static io.demanager.domain.Fixtures.FREE_CPU;
import static io.demanager.domain.Fixtures.NOTEBOOK;
import static io.demanager.domain.Fixtures.NOW;
import static io.demanager.domain.Fixtures.everyRuntimeEvent;
import static io.demanager.domain.Fixtures.failedReason;
import static io.demanager.domain.Fixtures.instance;
import static io.demanager.domain.instance.InstanceStatus.CREATE_FAILED;
import static io.demanager.domain.instance.InstanceStatus.CREATE_QUEUING;
import static io.demanager.domain.instance.InstanceStatus.CREATING;
import static io.demanager.domain.instance.InstanceStatus.DELETED;
import static io.demanager.domain.instance.InstanceStatus.READY_TO_START;
import static io.demanager.domain.instance.InstanceStatus.RESTARTING;
import static io.demanager.domain.instance.InstanceStatus.RUNNING;
import static io.demanager.domain.instance.InstanceStatus.STARTING;
import static io.demanager.domain.instance.InstanceStatus.START_FAILED;
import static io.demanager.domain.instance.InstanceStatus.START_QUEUING;
import static io.demanager.domain.instance.InstanceStatus.STOPPED;
import static io.demanager.domain.instance.InstanceStatus.STOPPING;
import static io.demanager.domain.instance.InstanceStatus.UNAVAILABLE;
import static org.assertj.core.api.Assertions.assertThat;

/** "Progress reported by the runtime" (section 4 of docs/devenviron-api.md): every event from every status. */
class RuntimeEventsTest {

    /** The documented progress, re-stated by hand: status -> (event -> status). Every other pair is refused. */
    private static final Map<InstanceStatus, Map<String, InstanceStatus>> DOCUMENTED = Map.of(
            CREATING, Map.of("Created", RUNNING, "CreateFailed", CREATE_FAILED),
            STARTING, Map.of("Started", RUNNING, "StartFailed", START_FAILED),
            RESTARTING, Map.of("Started", RUNNING, "StartFailed", START_FAILED),
            STOPPING, Map.of("Stopped", STOPPED),
            RUNNING, Map.of("Faulted", UNAVAILABLE),
            CREATE_QUEUING, Map.of("CapacityFreed", CREATING),
            START_QUEUING, Map.of("CapacityFreed", READY_TO_START),
            READY_TO_START, Map.of("StartLaunched", STARTING));

    static Stream<Arguments> everyEventFromEveryStatus() {
        return Arrays.stream(InstanceStatus.values())
                .flatMap(from -> everyRuntimeEvent().toJavaStream().map(event -> Arguments.of(from, event)));
    }

    @ParameterizedTest(name = "{0} + {1}")
    @MethodSource("everyEventFromEveryStatus")
    void anEventLeadsWhereTheContractSaysOrIsRefused(InstanceStatus from, RuntimeEvent event) {
        Either<DomainError, Instance> outcome = instance(from, FREE_CPU).onRuntimeEvent(event, NOW);

        InstanceStatus documented = DOCUMENTED.getOrDefault(from, Map.of()).get(event.getClass().getSimpleName());
        if (from == DELETED) {
            assertThat(outcome.getLeft()).isInstanceOf(DomainError.InstanceNotFound.class);
        } else if (documented == null) {
            assertThat(outcome.getLeft()).isEqualTo(new DomainError.OperationNotAllowed(from.name(), event.wireName()));
            assertThat(outcome.getLeft()).isInstanceOf(DomainError.OperationNotAllowed.class);
        } else {
            assertThat(outcome.isRight()).as("allowed, but refused with %s", outcome.swap()).isTrue();
            assertThat(outcome.get().status()).isEqualTo(documented);
            assertThat(outcome.get().updatedAt()).isEqualTo(NOW);
        }
    }

    @Test
    void eachFailureRecordsItsReason() {
        FailedReason noImage = failedReason("ImagePullBackOff");
        FailedReason noNode = failedReason("Unschedulable");
        FailedReason lostNode = failedReason("NodeLost");

        assertThat(instance(CREATING, FREE_CPU).onRuntimeEvent(new RuntimeEvent.CreateFailed(noImage), NOW).get().failure())
                .containsExactly(noImage);
        assertThat(instance(STARTING, FREE_CPU).onRuntimeEvent(new RuntimeEvent.StartFailed(noNode), NOW).get().failure())
                .containsExactly(noNode);
        assertThat(instance(RESTARTING, FREE_CPU).onRuntimeEvent(new RuntimeEvent.StartFailed(noNode), NOW).get().failure())
                .containsExactly(noNode);
        assertThat(instance(RUNNING, FREE_CPU).onRuntimeEvent(new RuntimeEvent.Faulted(lostNode), NOW).get().failure())
                .containsExactly(lostNode);
    }

    @Test
    void theNextSuccessfulChangeClearsTheReason() {
        Instance failedToStart = instance(STARTING, FREE_CPU)
                .onRuntimeEvent(new RuntimeEvent.StartFailed(failedReason("Unschedulable")), NOW).get();
        Instance startedAgain = failedToStart.start(true, NOW.plusSeconds(60)).get();

        assertThat(startedAgain.failure()).isEmpty();
        assertThat(startedAgain.onRuntimeEvent(new RuntimeEvent.Started(NOTEBOOK), NOW.plusSeconds(90)).get().failure()).isEmpty();
        assertThat(failedToStart.delete(NOW.plusSeconds(60)).get().failure()).isEmpty();
    }

    @Test
    void capacityFreedEndsTheWait() {
        assertThat(instance(CREATE_QUEUING, FREE_CPU).onRuntimeEvent(new RuntimeEvent.CapacityFreed(), NOW).get().queuedSince())
                .isEmpty();
        assertThat(instance(START_QUEUING, FREE_CPU).onRuntimeEvent(new RuntimeEvent.CapacityFreed(), NOW).get().queuedSince())
                .isEmpty();
    }

    @Test
    void aLaunchedNotebookIsOpenedOnlyWhileRunning() {
        NotebookAccess restarted = new NotebookAccess("http://127.0.0.1:40002/", "another-token");
        Instance running = instance(CREATING, FREE_CPU).onRuntimeEvent(new RuntimeEvent.Created(NOTEBOOK), NOW).get();
        Instance restarting = running.restart(NOW.plusSeconds(1)).get();

        assertThat(running.access()).containsExactly(NOTEBOOK);
        assertThat(restarting.access()).isEmpty();
        assertThat(restarting.onRuntimeEvent(new RuntimeEvent.Started(restarted), NOW.plusSeconds(2)).get().access())
                .containsExactly(restarted);
        assertThat(running.stop(NOW.plusSeconds(1)).get().access()).isEmpty();
        assertThat(running.onRuntimeEvent(new RuntimeEvent.Faulted(failedReason("NodeLost")), NOW).get().access()).isEmpty();
    }

    @Test
    void aRuntimeReportsALaunchAsTheCreationOrTheStartItWas() {
        assertThat(RuntimeEvent.launched(CREATING, NOTEBOOK)).isEqualTo(new RuntimeEvent.Created(NOTEBOOK));
        assertThat(RuntimeEvent.launched(RESTARTING, NOTEBOOK)).isEqualTo(new RuntimeEvent.Started(NOTEBOOK));
        assertThat(RuntimeEvent.launchFailed(CREATING, failedReason("x"))).isEqualTo(new RuntimeEvent.CreateFailed(failedReason("x")));
        assertThat(RuntimeEvent.launchFailed(STARTING, failedReason("x"))).isEqualTo(new RuntimeEvent.StartFailed(failedReason("x")));
    }

    @Test
    void aNotebookAccessHidesItsTokenWhenPrintedAndNamesItsDomain() {
        NotebookAccess access = new NotebookAccess("http://127.0.0.1:40001/", "very-secret");

        assertThat(access.toString()).doesNotContain("very-secret").contains("http://127.0.0.1:40001/");
        assertThat(access.targetDomain()).isEqualTo("http://127.0.0.1:40001");
    }
}
