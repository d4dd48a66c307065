package io.demanager.application.service;

import io.demanager.application.port.in.InstanceActionCommand;
import io.demanager.application.port.in.InstanceActionCommand.Action;
import io.demanager.application.port.in.InstanceRef;
import io.demanager.application.port.out.DesiredState;
import io.demanager.application.port.out.StatusChangePublisher;
import io.demanager.domain.autostop.AutoStopPolicy;
import io.demanager.domain.catalog.Flavor;
import io.demanager.domain.idle.IdleStopPolicy;
import io.demanager.domain.instance.FailedReason;
import io.demanager.domain.instance.Instance;
import io.demanager.domain.instance.InstanceStatus;
import io.demanager.domain.instance.LifecycleEvent;
import io.demanager.domain.instance.RuntimeEvent;
import io.demanager.domain.instance.TransitionCause;
import io.demanager.testkit.RecordingRuntime;
import io.demanager.testkit.RecordingStatusChanges;
import io.demanager.testkit.SampleCatalog;
import io.demanager.testkit.SequentialInstanceIds;
import io.demanager.testkit.SettableClock;
import io.demanager.testkit.memory.InMemoryInstanceStore;
import io.vavr.collection.LinkedHashMap;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.demanager.application.service.CreateRequestBuilder.aRequest;
import static io.demanager.testkit.InstanceBuilder.PROJECT;
import static io.demanager.testkit.InstanceBuilder.anInstance;
import static io.demanager.testkit.Principals.MEMBER;
import static io.demanager.testkit.TestNotebooks.ACCESS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retention from the user's side, with a controlled clock: a free instance stops, stays stopped for its flavor's
 * store time, and the engine deletes it, once, with its event, and the runtime is asked to remove its notebook. The
 * services are the real ones over the in-memory fakes.
 */
class RetentionLifecycleTest {

    private static final Instant START = Instant.parse("2024-07-01T10:00:00Z");
    private static final Duration STORE_TIME = SampleCatalog.FREE_CPU.retention().get();
    private static final int BATCH = 100;

    private final SettableClock clock = new SettableClock(START);
    private final InMemoryInstanceStore store = new InMemoryInstanceStore(clock);
    private final RecordingRuntime runtime = new RecordingRuntime();
    private final RecordingStatusChanges statusChanges = new RecordingStatusChanges();
    private final FreeFlavorCapacity capacity = new FreeFlavorCapacity(store, 1);
    private final CreateInstanceService create = new CreateInstanceService(store, SampleCatalog.catalog(), capacity,
            new FreeFlavorQueues(store, 1), runtime, new SequentialInstanceIds(), AutoStopPolicy.DEFAULT, IdleStopPolicy.DEFAULT,
            clock, StatusChangePublisher.NONE);
    private final InstanceActionService actions = new InstanceActionService(store, capacity, runtime, clock, StatusChangePublisher.NONE);
    private final RecordRuntimeProgressService progress = new RecordRuntimeProgressService(store, capacity, runtime, clock,
            StatusChangePublisher.NONE);
    private final DeleteExpiredRetentionsService engine = new DeleteExpiredRetentionsService(store, runtime, statusChanges);

    @Test
    void aFreeInstanceStoppedForItsFlavorsStoreTimeIsDeletedOnceWithItsEventAndItsNotebookRemoved() {
        InstanceRef ref = stoppedFreeInstance();
        Instant stoppedAt = clock.instant();
        assertThat(instance(ref).retentionEnd()).containsExactly(stoppedAt.plus(STORE_TIME));

        clock.set(stoppedAt.plus(STORE_TIME).minusMillis(1));
        assertThat(engine.deleteExpiredRetentions(BATCH)).isZero();
        assertThat(store.find(PROJECT, ref.instanceId())).isNotEmpty();

        clock.set(stoppedAt.plus(STORE_TIME));
        assertThat(engine.deleteExpiredRetentions(BATCH)).isEqualTo(1);
        assertThat(engine.deleteExpiredRetentions(BATCH)).as("a second sweep").isZero();

        assertThat(store.find(PROJECT, ref.instanceId())).isEmpty();
        assertThat(runtime.calls().filter(call -> call.instanceId().equals(ref.instanceId())).last())
                .isEqualTo(new RecordingRuntime.Call(DesiredState.GONE, ref.instanceId(), InstanceStatus.DELETED));
        assertThat(statusChanges.events()).containsExactly(new LifecycleEvent(ref.instanceId(),
                Option.some(InstanceStatus.STOPPED), InstanceStatus.DELETED, TransitionCause.RETENTION,
                stoppedAt.plus(STORE_TIME), 4));
    }

    @Test
    void aFreeInstanceStartedAgainBeforeItsStoreTimeEndsIsKept() {
        InstanceRef ref = stoppedFreeInstance();
        Instant stoppedAt = clock.instant();

        clock.set(stoppedAt.plus(STORE_TIME).minus(Duration.ofMinutes(1)));
        actions.act(new InstanceActionCommand(MEMBER, ref, Action.START, Option.none())).get();
        progress.record(ref, new RuntimeEvent.Started(ACCESS)).get();
        clock.set(stoppedAt.plus(STORE_TIME.multipliedBy(2)));

        assertThat(engine.deleteExpiredRetentions(BATCH)).isZero();
        assertThat(instance(ref).status()).isEqualTo(InstanceStatus.RUNNING);
        assertThat(instance(ref).retentionEnd()).isEmpty();
        assertThat(statusChanges.events()).isEmpty();
    }

    @Test
    void aFreeFlavorWhoseStoreTimeIsMinusOneKeepsItsInactiveInstancesForEver() {
        Flavor keptForEver = new Flavor("modelarts.vm.cpu.free.kept", SampleCatalog.FREE_CPU.type(),
                SampleCatalog.FREE_CPU.promoType(), SampleCatalog.FREE_CPU.saleStatus(), SampleCatalog.FREE_CPU.storageTypes(),
                SampleCatalog.FREE_CPU.params(), SampleCatalog.FREE_CPU.autoStopDuration(), -1, Option.none(), Option.none());
        Instance stopped = store.given(anInstance().flavor(keptForEver).inactiveSince(START).build());
        clock.set(START.plus(Duration.ofDays(10 * 365)));

        assertThat(engine.deleteExpiredRetentions(BATCH)).isZero();
        assertThat(store.find(PROJECT, stopped.id())).containsExactly(stopped);
    }

    @Test
    void anInactiveInstanceOfAPaidFlavorIsKeptWhateverItsStoreTime() {
        Flavor paidWithStoreTime = new Flavor("modelarts.vm.cpu.2u.stored", SampleCatalog.CPU.type(), SampleCatalog.CPU.promoType(),
                SampleCatalog.CPU.saleStatus(), SampleCatalog.CPU.storageTypes(), SampleCatalog.CPU.params(), Option.none(), 1,
                Option.none(), Option.none());
        Instance stopped = store.given(anInstance().flavor(paidWithStoreTime).inactiveSince(START).build());
        Instance failed = store.given(anInstance().flavor(SampleCatalog.CPU).status(InstanceStatus.START_FAILED)
                .inactiveSince(START).build());
        clock.set(START.plus(Duration.ofDays(10 * 365)));

        assertThat(engine.deleteExpiredRetentions(BATCH)).isZero();
        assertThat(store.find(PROJECT, stopped.id())).containsExactly(stopped);
        assertThat(store.find(PROJECT, failed.id())).containsExactly(failed);
    }

    @Test
    void aFreeInstanceWhoseStartFailedCountsFromTheFailureAndIsDeletedFromThatStatus() {
        InstanceRef ref = stoppedFreeInstance();
        clock.advance(Duration.ofHours(1));
        actions.act(new InstanceActionCommand(MEMBER, ref, Action.START, Option.none())).get();
        progress.record(ref, new RuntimeEvent.StartFailed(new FailedReason("ModelArts.6101",
                "no room on the node", LinkedHashMap.empty()))).get();
        Instant failedAt = clock.instant();

        clock.set(failedAt.plus(STORE_TIME).minusMillis(1));
        assertThat(engine.deleteExpiredRetentions(BATCH)).isZero();
        clock.set(failedAt.plus(STORE_TIME));
        assertThat(engine.deleteExpiredRetentions(BATCH)).isEqualTo(1);
        assertThat(statusChanges.events().map(LifecycleEvent::from)).containsExactly(Option.some(InstanceStatus.START_FAILED));
    }

    /** A free instance created, run, and stopped by its user at the clock's present, which moves on meanwhile. */
    private InstanceRef stoppedFreeInstance() {
        Instance created = create.create(aRequest().flavor(SampleCatalog.FREE_CPU).command()).get().instance();
        InstanceRef ref = new InstanceRef(PROJECT, created.id());
        clock.advance(Duration.ofSeconds(30));
        progress.record(ref, new RuntimeEvent.Created(ACCESS)).get();
        clock.advance(Duration.ofMinutes(20));
        actions.act(new InstanceActionCommand(MEMBER, ref, Action.STOP, Option.none())).get();
        clock.advance(Duration.ofSeconds(3));
        progress.record(ref, new RuntimeEvent.Stopped()).get();
        assertThat(instance(ref).status()).isEqualTo(InstanceStatus.STOPPED);
        return ref;
    }

    private Instance instance(InstanceRef ref) {
        return store.find(ref.projectId(), ref.instanceId()).get();
    }
}
