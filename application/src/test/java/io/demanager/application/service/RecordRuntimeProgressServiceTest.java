package io.demanager.application.service;

import io.demanager.application.port.in.InstanceRef;
import io.demanager.application.port.in.InstanceSnapshot;
import io.demanager.application.port.out.DesiredState;
import io.demanager.domain.autostop.AutoStopLease;
import io.demanager.domain.autostop.AutoStopSettings;
import io.demanager.domain.error.DomainError;
import io.demanager.domain.instance.FailedReason;
import io.demanager.domain.instance.Instance;
import io.demanager.domain.instance.InstanceStatus;
import io.demanager.domain.instance.LifecycleEvent;
import io.demanager.domain.instance.RuntimeEvent;
import io.demanager.domain.instance.TransitionCause;
import io.demanager.testkit.RecordingRuntime.Call;
import io.demanager.testkit.RecordingRuntime;
import io.demanager.testkit.RecordingStatusChanges;
import io.demanager.testkit.SampleCatalog;
import io.demanager.testkit.SettableClock;
import io.demanager.testkit.memory.InMemoryInstanceStore;
import io.demanager.testkit.memory.RacingInstanceStore;
import io.vavr.collection.LinkedHashMap;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.function.UnaryOperator;

import static io.demanager.testkit.InstanceBuilder.OTHER_PROJECT;
import static io.demanager.testkit.InstanceBuilder.PROJECT;
import static io.demanager.testkit.InstanceBuilder.anInstance;
import static io.demanager.testkit.TestNotebooks.ACCESS;
import static org.assertj.core.api.Assertions.assertThat;

class RecordRuntimeProgressServiceTest {

    private static final Instant NOW = Instant.parse("2024-07-01T10:00:00Z");
    private static final FailedReason NO_IMAGE = new FailedReason("ModelArts.6404", "The image could not be pulled.",
            LinkedHashMap.empty());

    /** One free instance runs at a time: a second one waits in the queue. */
    private static final int FREE_CAPACITY = 1;

    private final InMemoryInstanceStore store = new InMemoryInstanceStore();
    /** The store the service writes through, so that a test can make its updates lose their race. */
    private final RacingInstanceStore racing = new RacingInstanceStore(store);
    private final RecordingRuntime runtime = new RecordingRuntime();
    private final SettableClock clock = new SettableClock(NOW);
    private final RecordingStatusChanges statusChanges = new RecordingStatusChanges();
    private final RecordRuntimeProgressService service = new RecordRuntimeProgressService(racing,
            new FreeFlavorCapacity(store, FREE_CAPACITY), runtime, clock, statusChanges);

    @Test
    void aQueuedCreationGrantedCapacityGoesOnToCreatingAndTheRuntimeIsAskedToCreate() {
        Instance queued = store.given(anInstance().flavor(SampleCatalog.FREE_CPU).status(InstanceStatus.CREATE_QUEUING).build());

        Instance creating = record(queued, new RuntimeEvent.CapacityFreed()).instance();

        assertThat(creating.status()).isEqualTo(InstanceStatus.CREATING);
        assertThat(creating.queuedSince()).isEmpty();
        assertThat(store.find(PROJECT, queued.id())).containsExactly(creating);
        assertThat(runtime.calls()).containsExactly(new Call(DesiredState.RUNNING, queued.id(), InstanceStatus.CREATING));
    }

    @Test
    void aQueuedStartGrantedCapacityIsReadyAndStartsWhenTheRuntimeLaunchesIt() {
        Instance queued = store.given(anInstance().flavor(SampleCatalog.FREE_CPU).status(InstanceStatus.START_QUEUING).build());

        assertThat(record(queued, new RuntimeEvent.CapacityFreed()).instance().status()).isEqualTo(InstanceStatus.READY_TO_START);
        assertThat(runtime.calls()).isEmpty();

        Instance ready = store.find(PROJECT, queued.id()).get();
        assertThat(record(ready, new RuntimeEvent.StartLaunched()).instance().status()).isEqualTo(InstanceStatus.STARTING);
        assertThat(runtime.calls()).containsExactly(new Call(DesiredState.RUNNING, queued.id(), InstanceStatus.STARTING));
    }

    @Test
    void aCreatedInstanceRunsWithALeaseFromTheMomentItRanAndTheRuntimeIsNotAskedAgain() {
        Instance creating = store.given(anInstance().status(InstanceStatus.CREATING).createdAt(NOW)
                .autoStop(new AutoStopSettings(true, Option.some(Duration.ofHours(1)), true)).build());
        Instant ranAt = NOW.plusSeconds(120);
        clock.set(ranAt);

        InstanceSnapshot running = record(creating, new RuntimeEvent.Created(ACCESS));

        assertThat(running.instance().status()).isEqualTo(InstanceStatus.RUNNING);
        assertThat(running.instance().updatedAt()).isEqualTo(ranAt);
        assertThat(running.instance().lease()).containsExactly(new AutoStopLease(ranAt.plus(Duration.ofHours(1))));
        assertThat(running.remainTimeSeconds()).containsExactly(3_600L);
        assertThat(runtime.calls()).isEmpty();
    }

    @Test
    void aFailedCreationRecordsWhy() {
        Instance creating = store.given(anInstance().status(InstanceStatus.CREATING).build());

        Instance failed = record(creating, new RuntimeEvent.CreateFailed(NO_IMAGE)).instance();

        assertThat(failed.status()).isEqualTo(InstanceStatus.CREATE_FAILED);
        assertThat(failed.failure()).containsExactly(NO_IMAGE);
        assertThat(store.find(PROJECT, creating.id())).containsExactly(failed);
        assertThat(store.eventsOf(creating.id())).containsExactly(new LifecycleEvent(creating.id(),
                Option.some(InstanceStatus.CREATING), InstanceStatus.CREATE_FAILED, TransitionCause.FAILURE, NOW, failed.version()));
    }

    @Test
    void workDoneIsRecordedAsAnEventOfRuntimeProgress() {
        Instance stopping = store.given(anInstance().status(InstanceStatus.STOPPING).build());
        clock.set(NOW.plusSeconds(5));

        Instance stopped = record(stopping, new RuntimeEvent.Stopped()).instance();

        assertThat(store.eventsOf(stopping.id())).containsExactly(new LifecycleEvent(stopping.id(),
                Option.some(InstanceStatus.STOPPING), InstanceStatus.STOPPED, TransitionCause.RUNTIME_PROGRESS,
                NOW.plusSeconds(5), stopped.version()));
    }

    @Test
    void aFreeInstanceThatStopsGivesItsPlaceToTheOldestQueuedOneWhichStartsAtOnce() {
        Instance stopping = store.given(anInstance().flavor(SampleCatalog.FREE_CPU).status(InstanceStatus.STOPPING).build());
        Instance queuedLater = store.given(anInstance().flavor(SampleCatalog.FREE_CPU).status(InstanceStatus.CREATE_QUEUING)
                .queuedSince(NOW.minusSeconds(10)).build());
        Instance queuedFirst = store.given(anInstance().flavor(SampleCatalog.FREE_CPU).status(InstanceStatus.START_QUEUING)
                .queuedSince(NOW.minusSeconds(20)).build());

        record(stopping, new RuntimeEvent.Stopped());

        assertThat(store.find(PROJECT, queuedFirst.id()).map(Instance::status)).containsExactly(InstanceStatus.STARTING);
        assertThat(store.eventsOf(queuedFirst.id()).map(event -> event.to() + " by " + event.cause()))
                .containsExactly("READY_TO_START by RUNTIME_PROGRESS", "STARTING by RUNTIME_PROGRESS");
        assertThat(store.find(PROJECT, queuedLater.id())).containsExactly(queuedLater);
        assertThat(runtime.calls()).containsExactly(new Call(DesiredState.RUNNING, queuedFirst.id(), InstanceStatus.STARTING));
        assertThat(statusChanges.events().map(event -> event.instanceId() + " " + event.to() + " by " + event.cause()))
                .containsExactly(stopping.id() + " STOPPED by RUNTIME_PROGRESS",
                        queuedFirst.id() + " READY_TO_START by RUNTIME_PROGRESS", queuedFirst.id() + " STARTING by RUNTIME_PROGRESS");
    }

    @Test
    void aFreeInstanceThatFailsToStartGivesItsPlaceToAQueuedCreation() {
        Instance starting = store.given(anInstance().flavor(SampleCatalog.FREE_CPU).status(InstanceStatus.STARTING).build());
        Instance queued = store.given(anInstance().flavor(SampleCatalog.FREE_CPU).status(InstanceStatus.CREATE_QUEUING).build());

        record(starting, new RuntimeEvent.StartFailed(NO_IMAGE));

        assertThat(store.find(PROJECT, queued.id()).map(Instance::status)).containsExactly(InstanceStatus.CREATING);
        assertThat(runtime.calls()).containsExactly(new Call(DesiredState.RUNNING, queued.id(), InstanceStatus.CREATING));
    }

    @Test
    void aFreeInstanceThatKeepsItsPlaceLetsNobodyIn() {
        Instance starting = store.given(anInstance().flavor(SampleCatalog.FREE_CPU).status(InstanceStatus.STARTING).build());
        Instance queued = store.given(anInstance().flavor(SampleCatalog.FREE_CPU).status(InstanceStatus.CREATE_QUEUING).build());

        record(starting, new RuntimeEvent.Started(ACCESS));

        assertThat(store.find(PROJECT, queued.id())).containsExactly(queued);
        assertThat(runtime.calls()).isEmpty();
    }

    @Test
    void anEventThatDoesNotFitTheStatusIsRefusedAndNothingChanges() {
        Instance stopped = store.given(anInstance().build());

        DomainError error = service.record(new InstanceRef(PROJECT, stopped.id()), new RuntimeEvent.Created(ACCESS)).getLeft();

        assertThat(error).isInstanceOf(DomainError.OperationNotAllowed.class);
        assertThat(store.find(PROJECT, stopped.id())).containsExactly(stopped);
        assertThat(runtime.calls()).isEmpty();
    }

    @Test
    void anInstanceOfAnotherProjectIs6309() {
        Instance theirs = store.given(anInstance().project(OTHER_PROJECT).status(InstanceStatus.CREATING).build());

        assertThat(service.record(new InstanceRef(PROJECT, theirs.id()), new RuntimeEvent.Created(ACCESS)).getLeft())
                .isEqualTo(new DomainError.InstanceNotFound(theirs.id().value()));
        assertThat(store.find(OTHER_PROJECT, theirs.id())).containsExactly(theirs);
    }

    @Test
    void aLostRaceIsRefusedWith6357AndTheRuntimeIsNotAsked() {
        Instance queued = store.given(anInstance().flavor(SampleCatalog.FREE_CPU).status(InstanceStatus.CREATE_QUEUING).build());
        racing.raceNextUpdates(1, UnaryOperator.identity());

        assertThat(service.record(new InstanceRef(PROJECT, queued.id()), new RuntimeEvent.CapacityFreed()).getLeft()).isInstanceOf(DomainError.OperationNotAllowed.class);
        assertThat(store.find(PROJECT, queued.id()).map(Instance::status)).containsExactly(InstanceStatus.CREATE_QUEUING);
        assertThat(runtime.calls()).isEmpty();
    }

    private InstanceSnapshot record(Instance instance, RuntimeEvent event) {
        return service.record(new InstanceRef(PROJECT, instance.id()), event).get();
    }
}
