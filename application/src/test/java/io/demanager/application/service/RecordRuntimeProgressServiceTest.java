package io.demanager.application.service;

import io.demanager.application.fakes.FakeInstanceStore;
import io.demanager.application.fakes.RecordingRuntime;
import io.demanager.application.fakes.RecordingRuntime.Call;
import io.demanager.application.fakes.RecordingRuntime.Operation;
import io.demanager.application.fakes.SampleCatalog;
import io.demanager.application.fakes.SettableClock;
import io.demanager.application.port.in.InstanceRef;
import io.demanager.application.port.in.InstanceSnapshot;
import io.demanager.domain.autostop.AutoStopLease;
import io.demanager.domain.autostop.AutoStopSettings;
import io.demanager.domain.error.DomainError;
import io.demanager.domain.instance.FailedReason;
import io.demanager.domain.instance.Instance;
import io.demanager.domain.instance.InstanceStatus;
import io.demanager.domain.instance.RuntimeEvent;
import io.vavr.collection.LinkedHashMap;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.function.UnaryOperator;

import static io.demanager.application.fakes.InstanceBuilder.OTHER_PROJECT;
import static io.demanager.application.fakes.InstanceBuilder.PROJECT;
import static io.demanager.application.fakes.InstanceBuilder.anInstance;
import static org.assertj.core.api.Assertions.assertThat;

class RecordRuntimeProgressServiceTest {

    private static final Instant NOW = Instant.parse("2024-07-01T10:00:00Z");
    private static final FailedReason NO_IMAGE = new FailedReason("ModelArts.6404", "The image could not be pulled.",
            LinkedHashMap.empty());

    private final FakeInstanceStore store = new FakeInstanceStore();
    private final RecordingRuntime runtime = new RecordingRuntime();
    private final SettableClock clock = new SettableClock(NOW);
    private final RecordRuntimeProgressService service = new RecordRuntimeProgressService(store, runtime, clock);

    @Test
    void aQueuedCreationGrantedCapacityGoesOnToCreatingAndTheRuntimeIsAskedToCreate() {
        Instance queued = store.given(anInstance().flavor(SampleCatalog.FREE_CPU).status(InstanceStatus.CREATE_QUEUING).build());

        Instance creating = record(queued, new RuntimeEvent.CapacityFreed()).instance();

        assertThat(creating.status()).isEqualTo(InstanceStatus.CREATING);
        assertThat(creating.queuedSince()).isEmpty();
        assertThat(store.find(PROJECT, queued.id())).containsExactly(creating);
        assertThat(runtime.calls()).containsExactly(new Call(Operation.CREATE, queued.id(), InstanceStatus.CREATING));
    }

    @Test
    void aQueuedStartGrantedCapacityIsReadyAndStartsWhenTheRuntimeLaunchesIt() {
        Instance queued = store.given(anInstance().flavor(SampleCatalog.FREE_CPU).status(InstanceStatus.START_QUEUING).build());

        assertThat(record(queued, new RuntimeEvent.CapacityFreed()).instance().status()).isEqualTo(InstanceStatus.READY_TO_START);
        assertThat(runtime.calls()).isEmpty();

        Instance ready = store.find(PROJECT, queued.id()).get();
        assertThat(record(ready, new RuntimeEvent.StartLaunched()).instance().status()).isEqualTo(InstanceStatus.STARTING);
        assertThat(runtime.calls()).containsExactly(new Call(Operation.START, queued.id(), InstanceStatus.STARTING));
    }

    @Test
    void aCreatedInstanceRunsWithALeaseFromTheMomentItRanAndTheRuntimeIsNotAskedAgain() {
        Instance creating = store.given(anInstance().status(InstanceStatus.CREATING).createdAt(NOW)
                .autoStop(new AutoStopSettings(true, Option.some(Duration.ofHours(1)), true)).build());
        Instant ranAt = NOW.plusSeconds(120);
        clock.set(ranAt);

        InstanceSnapshot running = record(creating, new RuntimeEvent.Created());

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
    }

    @Test
    void anEventThatDoesNotFitTheStatusIsRefusedAndNothingChanges() {
        Instance stopped = store.given(anInstance().build());

        DomainError error = service.record(new InstanceRef(PROJECT, stopped.id()), new RuntimeEvent.Created()).getLeft();

        assertThat(error.code().code()).isEqualTo("ModelArts.6357");
        assertThat(store.find(PROJECT, stopped.id())).containsExactly(stopped);
        assertThat(runtime.calls()).isEmpty();
    }

    @Test
    void anInstanceOfAnotherProjectIs6309() {
        Instance theirs = store.given(anInstance().project(OTHER_PROJECT).status(InstanceStatus.CREATING).build());

        assertThat(service.record(new InstanceRef(PROJECT, theirs.id()), new RuntimeEvent.Created()).getLeft())
                .isEqualTo(new DomainError.InstanceNotFound(theirs.id().value()));
        assertThat(store.find(OTHER_PROJECT, theirs.id())).containsExactly(theirs);
    }

    @Test
    void aLostRaceIsRefusedWith6357AndTheRuntimeIsNotAsked() {
        Instance queued = store.given(anInstance().flavor(SampleCatalog.FREE_CPU).status(InstanceStatus.CREATE_QUEUING).build());
        store.raceNextUpdates(1, UnaryOperator.identity());

        assertThat(service.record(new InstanceRef(PROJECT, queued.id()), new RuntimeEvent.CapacityFreed()).getLeft().code().code())
                .isEqualTo("ModelArts.6357");
        assertThat(store.find(PROJECT, queued.id()).map(Instance::status)).containsExactly(InstanceStatus.CREATE_QUEUING);
        assertThat(runtime.calls()).isEmpty();
    }

    private InstanceSnapshot record(Instance instance, RuntimeEvent event) {
        return service.record(new InstanceRef(PROJECT, instance.id()), event).get();
    }
}
