package io.demanager.application.service;

import io.demanager.application.port.out.DesiredState;
import io.demanager.domain.instance.Instance;
import io.demanager.domain.instance.InstanceId;
import io.demanager.domain.instance.InstanceStatus;
import io.demanager.domain.instance.TransitionCause;
import io.demanager.testkit.RecordingRuntime.Call;
import io.demanager.testkit.RecordingRuntime;
import io.demanager.testkit.RecordingStatusChanges;
import io.demanager.testkit.SampleCatalog;
import io.demanager.testkit.SettableClock;
import io.demanager.testkit.memory.InMemoryInstanceStore;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static io.demanager.testkit.InstanceBuilder.OTHER_PROJECT;
import static io.demanager.testkit.InstanceBuilder.PROJECT;
import static io.demanager.testkit.InstanceBuilder.anInstance;
import static org.assertj.core.api.Assertions.assertThat;

class ResumeRuntimeWorkServiceTest {

    private static final Instant NOW = Instant.parse("2024-07-01T10:00:00Z");

    private final InMemoryInstanceStore store = new InMemoryInstanceStore();
    private final RecordingRuntime runtime = new RecordingRuntime();
    private final RecordingStatusChanges statusChanges = new RecordingStatusChanges();
    private final ResumeRuntimeWorkService service = new ResumeRuntimeWorkService(store, store, SampleCatalog.catalog(),
            new FreeFlavorCapacity(store, 1), runtime, new SettableClock(NOW), statusChanges);

    @Test
    void everyInstanceWaitingForTheRuntimeInEveryProjectIsAskedForAgain() {
        Instance creating = store.given(anInstance().status(InstanceStatus.CREATING).build());
        Instance starting = store.given(anInstance().project(OTHER_PROJECT).status(InstanceStatus.STARTING).build());
        Instance restarting = store.given(anInstance().status(InstanceStatus.RESTARTING).build());
        Instance stopping = store.given(anInstance().status(InstanceStatus.STOPPING).build());

        assertThat(service.resume()).isEqualTo(4);

        assertThat(runtime.calls()).containsExactlyInAnyOrder(
                new Call(DesiredState.RUNNING, creating.id(), InstanceStatus.CREATING),
                new Call(DesiredState.RUNNING, starting.id(), InstanceStatus.STARTING),
                new Call(DesiredState.RESTARTED, restarting.id(), InstanceStatus.RESTARTING),
                new Call(DesiredState.STOPPED, stopping.id(), InstanceStatus.STOPPING));
    }

    @Test
    void anInstanceAdmittedFromItsQueueButNeverLaunchedIsLaunched() {
        Instance ready = store.given(anInstance().flavor(SampleCatalog.FREE_CPU).status(InstanceStatus.READY_TO_START).build());

        assertThat(service.resume()).isEqualTo(1);

        assertThat(store.find(PROJECT, ready.id()).map(Instance::status)).containsExactly(InstanceStatus.STARTING);
        assertThat(runtime.calls()).containsExactly(new Call(DesiredState.RUNNING, ready.id(), InstanceStatus.STARTING));
    }

    @Test
    void aRunningInstanceIsAskedToKeepRunningAndIsNotCountedAsWaiting() {
        Instance running = store.given(anInstance().status(InstanceStatus.RUNNING).build());

        assertThat(service.resume()).isZero();

        assertThat(runtime.calls()).containsExactly(new Call(DesiredState.RUNNING, running.id(), InstanceStatus.RUNNING));
        assertThat(store.find(PROJECT, running.id())).containsExactly(running);
    }

    @Test
    void whatTheRuntimeHoldsOfInstancesNoLongerStoredIsDiscardedAndNothingElse() {
        Instance stopped = store.given(anInstance().status(InstanceStatus.STOPPED).build());
        Instance elsewhere = store.given(anInstance().project(OTHER_PROJECT).status(InstanceStatus.STOPPED).build());
        Instance deleted = store.given(anInstance().status(InstanceStatus.STOPPED).build());
        store.update(deleted.delete(NOW).get(), TransitionCause.USER_REQUEST).get();
        InstanceId neverStored = new InstanceId(UUID.randomUUID());
        runtime.holds(HashSet.of(stopped.id(), elsewhere.id(), deleted.id(), neverStored));

        service.resume();

        assertThat(runtime.discarded()).containsExactlyInAnyOrder(deleted.id(), neverStored);
        assertThat(runtime.calls()).isEmpty();
        assertThat(store.find(PROJECT, stopped.id())).containsExactly(stopped);
    }

    @Test
    void runningInstancesAreNotReadWhenTheRuntimesNotebooksDoNotOutliveTheServer() {
        store.given(anInstance().status(InstanceStatus.RUNNING).build());
        Instance creating = store.given(anInstance().status(InstanceStatus.CREATING).build());
        var forgetful = new RecordingRuntime(false);
        var resume = new ResumeRuntimeWorkService(store, store, SampleCatalog.catalog(), new FreeFlavorCapacity(store, 1),
                forgetful, new SettableClock(NOW), statusChanges);

        assertThat(resume.resume()).isEqualTo(1);

        assertThat(forgetful.calls()).containsExactly(new Call(DesiredState.RUNNING, creating.id(), InstanceStatus.CREATING));
    }

    @Test
    void instancesAtRestAreLeftAlone() {
        List<Instance> atRest = List.of(InstanceStatus.values())
                .removeAll(ResumeRuntimeWorkService.WAITING_FOR_THE_RUNTIME)
                .removeAll(ResumeRuntimeWorkService.KEPT_RUNNING)
                .map(status -> store.given(anInstance().status(status).build()));

        assertThat(service.resume()).isZero();

        assertThat(runtime.calls()).isEmpty();
        atRest.filter(instance -> !instance.isDeleted())
                .forEach(instance -> assertThat(store.find(PROJECT, instance.id())).containsExactly(instance));
    }

    @Test
    void manyWaitingInstancesAreAllAskedForOnceAcrossPages() {
        List<Instance> creating = List.range(0, 1_234).map(i -> store.given(anInstance().status(InstanceStatus.CREATING).build()));

        assertThat(service.resume()).isEqualTo(1_234);

        assertThat(runtime.calls().map(Call::instanceId)).containsExactlyInAnyOrderElementsOf(creating.map(Instance::id));
    }

    @Test
    void aFreeFlavorWithRoomTakesItsOldestQueuedInstance() {
        Instance older = store.given(anInstance().flavor(SampleCatalog.FREE_CPU).status(InstanceStatus.CREATE_QUEUING)
                .queuedSince(NOW.minusSeconds(60)).build());
        Instance newer = store.given(anInstance().flavor(SampleCatalog.FREE_CPU).status(InstanceStatus.CREATE_QUEUING)
                .queuedSince(NOW.minusSeconds(30)).build());

        service.resume();

        assertThat(store.find(PROJECT, older.id()).map(Instance::status)).containsExactly(InstanceStatus.CREATING);
        assertThat(store.find(PROJECT, newer.id())).containsExactly(newer);
        assertThat(runtime.calls()).containsExactly(new Call(DesiredState.RUNNING, older.id(), InstanceStatus.CREATING));
    }
}
