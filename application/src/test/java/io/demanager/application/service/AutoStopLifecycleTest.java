package io.demanager.application.service;

import io.demanager.application.port.in.InstanceActionCommand;
import io.demanager.application.port.in.InstanceActionCommand.Action;
import io.demanager.application.port.in.InstanceEventsQuery;
import io.demanager.application.port.in.InstanceRef;
import io.demanager.application.port.in.ModifyInstanceCommand;
import io.demanager.application.port.out.StatusChangePublisher;
import io.demanager.domain.autostop.AutoStopChange;
import io.demanager.domain.autostop.AutoStopLease;
import io.demanager.domain.autostop.AutoStopPolicy;
import io.demanager.domain.idle.IdleStopPolicy;
import io.demanager.domain.instance.Instance;
import io.demanager.domain.instance.InstanceStatus;
import io.demanager.domain.instance.LifecycleEvent;
import io.demanager.domain.instance.RuntimeEvent;
import io.demanager.domain.instance.TransitionCause;
import io.demanager.testkit.RecordingRuntime;
import io.demanager.testkit.SampleCatalog;
import io.demanager.testkit.SequentialInstanceIds;
import io.demanager.testkit.SettableClock;
import io.demanager.testkit.memory.InMemoryInstanceStore;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.demanager.application.service.CreateRequestBuilder.aRequest;
import static io.demanager.testkit.InstanceBuilder.PROJECT;
import static io.demanager.testkit.TestNotebooks.ACCESS;
import static io.demanager.testkit.Principals.MEMBER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Auto stop from the user's side, with a controlled clock: an instance created with auto stop runs, its lease runs
 * out, the engine stops it, and its events say why. The services are the real ones over the in-memory fakes.
 */
class AutoStopLifecycleTest {

    private static final Instant START = Instant.parse("2024-07-01T10:00:00Z");
    private static final Duration ONE_HOUR = Duration.ofHours(1);
    private static final int BATCH = 100;

    private final SettableClock clock = new SettableClock(START);
    private final InMemoryInstanceStore store = new InMemoryInstanceStore(clock);
    private final RecordingRuntime runtime = new RecordingRuntime();
    private final FreeFlavorCapacity capacity = new FreeFlavorCapacity(store, 1);
    private final CreateInstanceService create = new CreateInstanceService(store, SampleCatalog.catalog(), capacity, new FreeFlavorQueues(store, 1), runtime,
            new SequentialInstanceIds(), AutoStopPolicy.DEFAULT, IdleStopPolicy.DEFAULT, clock, StatusChangePublisher.NONE);
    private final ModifyInstanceService modify = new ModifyInstanceService(store, AutoStopPolicy.DEFAULT, IdleStopPolicy.DEFAULT, clock);
    private final InstanceActionService actions = new InstanceActionService(store, capacity, runtime, clock, StatusChangePublisher.NONE);
    private final RecordRuntimeProgressService progress = new RecordRuntimeProgressService(store, capacity, runtime, clock, StatusChangePublisher.NONE);
    private final ListInstanceEventsService events = new ListInstanceEventsService(store, store);
    private final StopExpiredLeasesService engine = new StopExpiredLeasesService(store, runtime, lateness -> { }, StatusChangePublisher.NONE);

    @Test
    void aRunWhoseLeaseRunsOutGoesFromRunningThroughStoppingToStoppedAndItsEventsSayItWasAutoStopped() {
        InstanceRef ref = createWithAutoStop(3_600);
        clock.advance(Duration.ofSeconds(30));
        report(ref, new RuntimeEvent.Created(ACCESS));
        Instant ranAt = clock.instant();

        clock.set(ranAt.plus(ONE_HOUR).minusMillis(1));
        assertThat(engine.stopExpiredLeases(BATCH)).isZero();
        assertThat(status(ref)).isEqualTo(InstanceStatus.RUNNING);

        clock.set(ranAt.plus(ONE_HOUR).plusSeconds(2));
        assertThat(engine.stopExpiredLeases(BATCH)).isEqualTo(1);
        assertThat(status(ref)).isEqualTo(InstanceStatus.STOPPING);
        clock.advance(Duration.ofSeconds(3));
        report(ref, new RuntimeEvent.Stopped());
        assertThat(status(ref)).isEqualTo(InstanceStatus.STOPPED);

        assertThat(events.events(new InstanceEventsQuery(MEMBER, ref, 0, 0)).get().events()).containsExactly(
                event(ref, InstanceStatus.STOPPING, InstanceStatus.STOPPED, TransitionCause.RUNTIME_PROGRESS,
                        ranAt.plus(ONE_HOUR).plusSeconds(5), 3),
                event(ref, InstanceStatus.RUNNING, InstanceStatus.STOPPING, TransitionCause.AUTO_STOP,
                        ranAt.plus(ONE_HOUR).plusSeconds(2), 2),
                event(ref, InstanceStatus.CREATING, InstanceStatus.RUNNING, TransitionCause.RUNTIME_PROGRESS, ranAt, 1),
                new LifecycleEvent(ref.instanceId(), Option.none(), InstanceStatus.CREATING, TransitionCause.USER_REQUEST,
                        START, 0));
    }

    @Test
    void aChangeWhileRunningKeepsTheStopTimeAndTheNextStartUsesTheNewDuration() {
        InstanceRef ref = createWithAutoStop(3_600);
        report(ref, new RuntimeEvent.Created(ACCESS));
        Instant firstStop = START.plus(ONE_HOUR);

        clock.advance(Duration.ofMinutes(10));
        modify.modify(new ModifyInstanceCommand(MEMBER, ref, Option.none(),
                new AutoStopChange(Option.some(true), Option.some(7_200L), Option.none()), Option.none())).get();
        assertThat(lease(ref)).containsExactly(new AutoStopLease(firstStop));

        clock.set(firstStop);
        assertThat(engine.stopExpiredLeases(BATCH)).isEqualTo(1);
        report(ref, new RuntimeEvent.Stopped());

        clock.advance(Duration.ofMinutes(5));
        actions.act(new InstanceActionCommand(MEMBER, ref, Action.START, Option.none())).get();
        report(ref, new RuntimeEvent.Started(ACCESS));
        Instant secondRun = clock.instant();
        assertThat(lease(ref)).containsExactly(new AutoStopLease(secondRun.plus(Duration.ofHours(2))));

        clock.set(secondRun.plus(ONE_HOUR));
        assertThat(engine.stopExpiredLeases(BATCH)).as("the old duration no longer applies").isZero();
        clock.set(secondRun.plus(Duration.ofHours(2)));
        assertThat(engine.stopExpiredLeases(BATCH)).isEqualTo(1);
    }

    @Test
    void aRestartTakesANewLeaseAndTheOldStopTimeNoLongerStopsIt() {
        InstanceRef ref = createWithAutoStop(3_600);
        report(ref, new RuntimeEvent.Created(ACCESS));

        clock.advance(Duration.ofMinutes(40));
        actions.act(new InstanceActionCommand(MEMBER, ref, Action.RESTART, Option.none())).get();
        clock.advance(Duration.ofMinutes(1));
        report(ref, new RuntimeEvent.Started(ACCESS));
        Instant restartedAt = clock.instant();
        assertThat(lease(ref)).containsExactly(new AutoStopLease(restartedAt.plus(ONE_HOUR)));

        clock.set(START.plus(ONE_HOUR));
        assertThat(engine.stopExpiredLeases(BATCH)).isZero();
        clock.set(restartedAt.plus(ONE_HOUR));
        assertThat(engine.stopExpiredLeases(BATCH)).isEqualTo(1);
        assertThat(status(ref)).isEqualTo(InstanceStatus.STOPPING);
    }

    @Test
    void aUsersStopBeforeTheLeaseEndsLeavesNothingForTheEngine() {
        InstanceRef ref = createWithAutoStop(3_600);
        report(ref, new RuntimeEvent.Created(ACCESS));

        clock.advance(Duration.ofMinutes(10));
        actions.act(new InstanceActionCommand(MEMBER, ref, Action.STOP, Option.none())).get();
        clock.set(START.plus(Duration.ofHours(2)));

        assertThat(engine.stopExpiredLeases(BATCH)).isZero();
        assertThat(events.events(new InstanceEventsQuery(MEMBER, ref, 0, 1)).get().events().map(LifecycleEvent::cause))
                .containsExactly(TransitionCause.USER_REQUEST);
    }

    private InstanceRef createWithAutoStop(long seconds) {
        Instance created = create.create(aRequest()
                .autoStop(new AutoStopChange(Option.some(true), Option.some(seconds), Option.none())).command()).get().instance();
        return new InstanceRef(PROJECT, created.id());
    }

    private void report(InstanceRef ref, RuntimeEvent event) {
        progress.record(ref, event).get();
    }

    private InstanceStatus status(InstanceRef ref) {
        return store.find(ref.projectId(), ref.instanceId()).get().status();
    }

    private Option<AutoStopLease> lease(InstanceRef ref) {
        return store.find(ref.projectId(), ref.instanceId()).get().lease();
    }

    private static LifecycleEvent event(InstanceRef ref, InstanceStatus from, InstanceStatus to, TransitionCause cause,
                                        Instant at, long version) {
        return new LifecycleEvent(ref.instanceId(), Option.some(from), to, cause, at, version);
    }
}
