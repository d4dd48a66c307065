package io.demanager.application.service;

import io.demanager.application.port.in.StopIdleInstancesUseCase.IdleRound;
import io.demanager.application.port.out.DesiredState;
import io.demanager.application.port.out.NotebookRuntime;
import io.demanager.domain.idle.IdleStopPolicy;
import io.demanager.domain.idle.IdleStopSettings;
import io.demanager.domain.idle.NotebookActivity;
import io.demanager.domain.instance.Instance;
import io.demanager.domain.instance.InstanceStatus;
import io.demanager.domain.instance.LifecycleEvent;
import io.demanager.domain.instance.TransitionCause;
import io.demanager.testkit.RecordingRuntime;
import io.demanager.testkit.RecordingRuntime.Call;
import io.demanager.testkit.RecordingStatusChanges;
import io.demanager.testkit.SettableClock;
import io.demanager.testkit.memory.InMemoryInstanceStore;
import io.demanager.testkit.memory.RacingInstanceStore;
import io.vavr.collection.List;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.demanager.testkit.InstanceBuilder.OTHER_PROJECT;
import static io.demanager.testkit.InstanceBuilder.PROJECT;
import static io.demanager.testkit.InstanceBuilder.anInstance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The idle-stop engine over the in-memory store: runs that began at {@link #START}, idle time 900 s, a minimum running
 * time of 600 s, the warning 120 s before the stop.
 */
class StopIdleInstancesServiceTest {

    private static final Instant START = Instant.parse("2024-07-01T10:00:00Z");
    private static final IdleStopPolicy POLICY = new IdleStopPolicy(Duration.ofSeconds(60), Duration.ofSeconds(3_600),
            Duration.ofSeconds(600), Duration.ofSeconds(120));
    private static final IdleStopSettings IDLE_900 = new IdleStopSettings(true, Option.some(Duration.ofSeconds(900)));
    private static final NotebookActivity NOTHING_OPEN = new NotebookActivity(List.empty(), List.empty());

    private final SettableClock clock = new SettableClock(START);
    private final InMemoryInstanceStore store = new InMemoryInstanceStore(clock);
    private final RacingInstanceStore racing = new RacingInstanceStore(store);
    private final RecordingRuntime runtime = new RecordingRuntime();
    private final RecordingStatusChanges statusChanges = new RecordingStatusChanges();
    private final StopIdleInstancesService engine = new StopIdleInstancesService(store, racing, runtime, statusChanges, POLICY, clock);

    @Test
    void anIdleInstanceIsWarnedThenStoppedWithCauseIdleAndTheRuntimeIsAskedToStopIt() {
        Instance running = idleRunning();

        clock.set(START.plusSeconds(779));
        assertThat(engine.checkIdleInstances(10)).isEqualTo(new IdleRound(1, 0, 0));
        clock.set(START.plusSeconds(780));
        assertThat(engine.checkIdleInstances(10)).isEqualTo(new IdleRound(1, 1, 0));
        clock.set(START.plusSeconds(899));
        assertThat(engine.checkIdleInstances(10)).isEqualTo(new IdleRound(1, 0, 0));
        clock.set(START.plusSeconds(900));
        assertThat(engine.checkIdleInstances(10)).isEqualTo(new IdleRound(1, 0, 1));

        assertThat(store.eventsOf(running.id())).containsExactly(
                new LifecycleEvent(running.id(), Option.some(InstanceStatus.RUNNING), InstanceStatus.RUNNING,
                        TransitionCause.IDLE_ENDING, START.plusSeconds(780), 1),
                new LifecycleEvent(running.id(), Option.some(InstanceStatus.RUNNING), InstanceStatus.STOPPING,
                        TransitionCause.IDLE, START.plusSeconds(900), 2));
        assertThat(store.find(PROJECT, running.id()).map(Instance::status)).containsExactly(InstanceStatus.STOPPING);
        assertThat(runtime.calls()).containsExactly(new Call(DesiredState.STOPPED, running.id(), InstanceStatus.STOPPING));
        assertThat(statusChanges.events().map(LifecycleEvent::cause))
                .containsExactly(TransitionCause.IDLE_ENDING, TransitionCause.IDLE);
        assertThat(engine.checkIdleInstances(10)).as("a stopped instance is no candidate").isEqualTo(new IdleRound(0, 0, 0));
    }

    @Test
    void aBusyKernelKeepsTheInstanceRunningWhileAnIdleOneInTheSameLookIsStopped() {
        Instance busy = idleRunning();
        Instance idle = idleRunning();
        runtime.reportsActivity(busy.id(), new NotebookActivity(List.of(new NotebookActivity.Kernel("k", true, START)),
                List.empty()));

        lookAt(START.plusSeconds(780));
        lookAt(START.plusSeconds(900));

        assertThat(store.find(PROJECT, busy.id()).map(Instance::status)).containsExactly(InstanceStatus.RUNNING);
        assertThat(store.eventsOf(busy.id())).isEmpty();
        assertThat(store.find(PROJECT, idle.id()).map(Instance::status)).containsExactly(InstanceStatus.STOPPING);
    }

    @Test
    void anInstanceWhoseActivityCannotBeReadIsNeitherWarnedNorStopped() {
        Instance unreadable = idleRunning();
        runtime.losesActivity(unreadable.id());

        lookAt(START.plus(Duration.ofHours(6)));

        assertThat(store.find(PROJECT, unreadable.id())).containsExactly(unreadable);
        assertThat(runtime.calls()).isEmpty();
    }

    @Test
    void aRuntimeThatFailsToReadActivityHasReadNothing() {
        Instance running = idleRunning();
        var down = new NotebookRuntime() {
            @Override
            public void ensure(Instance instance, DesiredState desired) {
            }

            @Override
            public Option<NotebookActivity> activity(Instance instance) {
                throw new IllegalStateException("the runtime is down");
            }
        };
        var failing = new StopIdleInstancesService(store, store, down, statusChanges, POLICY, clock);

        clock.set(START.plus(Duration.ofHours(6)));
        assertThat(failing.checkIdleInstances(10)).isEqualTo(new IdleRound(1, 0, 0));
        assertThat(store.find(PROJECT, running.id())).containsExactly(running);
    }

    @Test
    void onlyRunningInstancesWithIdleStopEnabledAreJudgedInEveryProject() {
        Instance ours = idleRunning();
        Instance theirs = store.given(anInstance().project(OTHER_PROJECT).status(InstanceStatus.RUNNING).runningSince(START)
                .idleStop(IDLE_900).build());
        Instance withoutIdleStop = store.given(anInstance().status(InstanceStatus.RUNNING).runningSince(START).build());
        Instance stopped = store.given(anInstance().status(InstanceStatus.STOPPED).idleStop(IDLE_900).build());
        List.of(ours, theirs, withoutIdleStop).forEach(instance -> runtime.reportsActivity(instance.id(), NOTHING_OPEN));

        lookAt(START.plusSeconds(780));
        lookAt(START.plusSeconds(900));

        assertThat(runtime.calls().map(Call::instanceId)).containsExactlyInAnyOrder(ours.id(), theirs.id());
        assertThat(store.find(PROJECT, withoutIdleStop.id())).containsExactly(withoutIdleStop);
        assertThat(store.find(PROJECT, stopped.id())).containsExactly(stopped);
    }

    @Test
    void everyCandidateIsJudgedPageByPage() {
        List<Instance> running = List.range(0, 7).map(i -> idleRunning());

        assertThat(lookAt(START.plusSeconds(780))).isEqualTo(new IdleRound(7, 7, 0));
        assertThat(lookAt(START.plusSeconds(900))).isEqualTo(new IdleRound(7, 0, 7));
        assertThat(runtime.calls().map(Call::instanceId)).containsExactlyInAnyOrderElementsOf(running.map(Instance::id));
    }

    @Test
    void aStopThatLosesItsRaceIsDroppedAndTheNextLookJudgesTheNewState() {
        Instance running = idleRunning();
        lookAt(START.plusSeconds(780));
        racing.raceNextUpdates(1, stored -> stored.stop(START.plusSeconds(899)).get());

        assertThat(lookAt(START.plusSeconds(900))).isEqualTo(new IdleRound(1, 0, 0));

        assertThat(store.eventsOf(running.id()).map(LifecycleEvent::cause))
                .containsExactly(TransitionCause.IDLE_ENDING, TransitionCause.USER_REQUEST);
        assertThat(runtime.calls()).isEmpty();
        assertThat(lookAt(START.plusSeconds(960))).isEqualTo(new IdleRound(0, 0, 0));
    }

    @Test
    void activityAfterTheWarningKeepsTheInstanceRunningAndTheNextSpellIsWarnedAgain() {
        Instance running = idleRunning();
        lookAt(START.plusSeconds(780));
        runtime.reportsActivity(running.id(), new NotebookActivity(
                List.of(new NotebookActivity.Kernel("k", false, START.plusSeconds(850))), List.empty()));

        assertThat(lookAt(START.plusSeconds(900))).isEqualTo(new IdleRound(1, 0, 0));
        assertThat(lookAt(START.plusSeconds(850 + 780))).isEqualTo(new IdleRound(1, 1, 0));
        assertThat(lookAt(START.plusSeconds(850 + 900))).isEqualTo(new IdleRound(1, 0, 1));

        assertThat(store.eventsOf(running.id()).map(LifecycleEvent::cause))
                .containsExactly(TransitionCause.IDLE_ENDING, TransitionCause.IDLE_ENDING, TransitionCause.IDLE);
    }

    @Test
    void aPageHoldsAtLeastOneInstance() {
        assertThatThrownBy(() -> engine.checkIdleInstances(0)).isInstanceOf(IllegalArgumentException.class);
    }

    private IdleRound lookAt(Instant now) {
        clock.set(now);
        return engine.checkIdleInstances(3);
    }

    /** A running instance with idle stop after 900 s, whose notebook has nothing open. */
    private Instance idleRunning() {
        Instance running = store.given(anInstance().status(InstanceStatus.RUNNING).runningSince(START).idleStop(IDLE_900).build());
        runtime.reportsActivity(running.id(), NOTHING_OPEN);
        return running;
    }
}
