package io.demanager.domain.idle;

import io.demanager.domain.Fixtures;
import io.demanager.domain.autostop.AutoStopChange;
import io.demanager.domain.autostop.AutoStopPolicy;
import io.demanager.domain.autostop.AutoStopSettings;
import io.demanager.domain.error.DomainError;
import io.demanager.domain.error.InstanceAttribute;
import io.demanager.domain.idle.IdleVerdict.Reason;
import io.demanager.domain.instance.Description;
import io.demanager.domain.instance.Instance;
import io.demanager.domain.instance.InstanceStatus;
import io.demanager.domain.instance.RuntimeEvent;
import io.vavr.collection.List;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The idle-stop rule on an instance that began running at {@link #START}, judged at instants after it. */
class IdleVerdictTest {

    private static final Instant START = Instant.parse("2024-07-01T10:00:00Z");
    /** Idle times from 60 s; a run lasts 600 s at least; the warning comes 120 s before the stop. */
    private static final IdleStopPolicy POLICY = new IdleStopPolicy(Duration.ofSeconds(60), Duration.ofSeconds(3_600),
            Duration.ofSeconds(600), Duration.ofSeconds(120));
    private static final Option<NotebookActivity> NOTHING_OPEN = Option.some(new NotebookActivity(List.empty(), List.empty()));

    @Test
    void anInstanceWithoutIdleStopNeverStopsForIdleness() {
        Instance running = Fixtures.runningSince(START, AutoStopSettings.DISABLED);

        IdleVerdict verdict = running.idleVerdict(NOTHING_OPEN, POLICY, START.plus(Duration.ofDays(3)));

        assertThat(verdict.reason()).isEqualTo(Reason.DISABLED);
        assertThat(verdict.stopAt()).isEmpty();
        assertThat(verdict.warningDueAt(START.plus(Duration.ofDays(3)))).isFalse();
        assertThat(verdict.stopDueAt(START.plus(Duration.ofDays(3)))).isFalse();
    }

    @Test
    void onlyARunningInstanceStopsForIdleness() {
        Instance stopped = withIdleStop(Fixtures.instance(InstanceStatus.STOPPED, Fixtures.PAID_CPU), 900);

        assertThat(stopped.idleVerdict(Option.none(), POLICY, START).reason()).isEqualTo(Reason.NOT_RUNNING);
    }

    @Test
    void aNotebookWithNothingOpenIsIdleSinceItsRunBeganAndStopsAfterItsIdleTime() {
        IdleVerdict verdict = running(900).idleVerdict(NOTHING_OPEN, POLICY, START.plusSeconds(10));

        assertThat(verdict.reason()).isEqualTo(Reason.IDLE);
        assertThat(verdict.idleSince()).containsExactly(START);
        assertThat(verdict.stopAt()).containsExactly(START.plusSeconds(900));
        assertThat(verdict.warnAt()).containsExactly(START.plusSeconds(900 - 120));
        assertThat(verdict.warned()).isFalse();
    }

    @Test
    void anIdleKernelCountsByItsLastActivity() {
        var activity = activity(List.of(idleKernel(START.plusSeconds(300))), List.empty());

        IdleVerdict verdict = running(900).idleVerdict(activity, POLICY, START.plusSeconds(400));

        assertThat(verdict.idleSince()).containsExactly(START.plusSeconds(300));
        assertThat(verdict.stopAt()).containsExactly(START.plusSeconds(1_200));
    }

    @Test
    void aTerminalCountsByItsLastActivityToo() {
        var activity = activity(List.of(idleKernel(START.plusSeconds(300))),
                List.of(new NotebookActivity.Terminal("1", Option.some(START.plusSeconds(500)))));

        IdleVerdict verdict = running(900).idleVerdict(activity, POLICY, START.plusSeconds(600));

        assertThat(verdict.idleSince()).containsExactly(START.plusSeconds(500));
        assertThat(verdict.stopAt()).containsExactly(START.plusSeconds(1_400));
    }

    @Test
    void activityFromBeforeTheRunBeganDoesNotShortenIt() {
        var activity = activity(List.of(idleKernel(START.minusSeconds(3_000))), List.empty());

        assertThat(running(900).idleVerdict(activity, POLICY, START).idleSince()).containsExactly(START);
    }

    @Test
    void aBusyKernelIsActivityNowHoweverOldItsLastActivity() {
        var activity = activity(List.of(idleKernel(START), new NotebookActivity.Kernel("k2", true, START)), List.empty());
        Instant muchLater = START.plus(Duration.ofHours(5));

        IdleVerdict verdict = running(900).idleVerdict(activity, POLICY, muchLater);

        assertThat(verdict.reason()).isEqualTo(Reason.KERNEL_BUSY);
        assertThat(verdict.stopAt()).isEmpty();
        assertThat(verdict.warningDueAt(muchLater)).isFalse();
        assertThat(verdict.stopDueAt(muchLater)).isFalse();
    }

    @Test
    void anInstanceWhoseActivityCannotBeReadIsNeverStopped() {
        Instant muchLater = START.plus(Duration.ofHours(5));

        IdleVerdict verdict = running(900).idleVerdict(Option.none(), POLICY, muchLater);

        assertThat(verdict.reason()).isEqualTo(Reason.ACTIVITY_UNREADABLE);
        assertThat(verdict.warningDueAt(muchLater)).isFalse();
        assertThat(verdict.stopDueAt(muchLater)).isFalse();
    }

    @Test
    void theMinimumRunningTimeHoldsOffAShortIdleTime() {
        IdleVerdict verdict = running(60).idleVerdict(NOTHING_OPEN, POLICY, START.plusSeconds(70));

        assertThat(verdict.reason()).isEqualTo(Reason.MINIMUM_RUNNING_TIME);
        assertThat(verdict.stopAt()).containsExactly(START.plusSeconds(600));
        assertThat(verdict.warnAt()).containsExactly(START.plusSeconds(480));
    }

    @Test
    void theWarningComesWhenDueAndNotBefore() {
        Instance running = running(900);
        Instant warnAt = START.plusSeconds(780);

        assertThat(running.idleVerdict(NOTHING_OPEN, POLICY, warnAt.minusMillis(1)).warningDueAt(warnAt.minusMillis(1))).isFalse();
        IdleVerdict due = running.idleVerdict(NOTHING_OPEN, POLICY, warnAt);
        assertThat(due.warningDueAt(warnAt)).isTrue();
        assertThat(due.stopDueAt(warnAt)).isFalse();
        assertThat(running.warnOfIdleStop(running.idleVerdict(NOTHING_OPEN, POLICY, warnAt.minusMillis(1)), warnAt.minusMillis(1)).getLeft())
                .isInstanceOf(DomainError.OperationNotAllowed.class);
    }

    @Test
    void aWarnedInstanceStopsAtItsStopTimeThroughTheUsersStopTransition() {
        Instant warnAt = START.plusSeconds(780);
        Instance running = running(900);
        Instance warned = running.warnOfIdleStop(running.idleVerdict(NOTHING_OPEN, POLICY, warnAt), warnAt).get();
        Instant stopAt = START.plusSeconds(900);

        IdleVerdict before = warned.idleVerdict(NOTHING_OPEN, POLICY, stopAt.minusMillis(1));
        IdleVerdict due = warned.idleVerdict(NOTHING_OPEN, POLICY, stopAt);
        Instance stopping = warned.stopForIdleness(due, stopAt).get();

        assertThat(warned.status()).isEqualTo(InstanceStatus.RUNNING);
        assertThat(warned.idleWarnedAt()).containsExactly(warnAt);
        assertThat(warned.updatedAt()).isEqualTo(warnAt);
        assertThat(before.warned()).isTrue();
        assertThat(before.warningDueAt(stopAt.minusMillis(1))).isFalse();
        assertThat(before.stopDueAt(stopAt.minusMillis(1))).isFalse();
        assertThat(warned.stopForIdleness(before, stopAt.minusMillis(1)).getLeft()).isInstanceOf(DomainError.OperationNotAllowed.class);
        assertThat(due.stopDueAt(stopAt)).isTrue();
        assertThat(stopping).isEqualTo(warned.stop(stopAt).get());
        assertThat(stopping.status()).isEqualTo(InstanceStatus.STOPPING);
        assertThat(stopping.runningSince()).isEmpty();
        assertThat(stopping.idleWarnedAt()).isEmpty();
    }

    @Test
    void noStopComesWithoutItsWarningAndALateWarningMovesTheStop() {
        Instance running = running(900);
        Instant late = START.plusSeconds(2_000);

        IdleVerdict unwarned = running.idleVerdict(NOTHING_OPEN, POLICY, late);
        Instance warned = running.warnOfIdleStop(unwarned, late).get();
        IdleVerdict afterWarning = warned.idleVerdict(NOTHING_OPEN, POLICY, late.plusSeconds(119));

        assertThat(unwarned.stopDueAt(late)).isFalse();
        assertThat(unwarned.warningDueAt(late)).isTrue();
        assertThat(unwarned.stopAt()).containsExactly(late.plusSeconds(120));
        assertThat(afterWarning.stopAt()).containsExactly(late.plusSeconds(120));
        assertThat(afterWarning.stopDueAt(late.plusSeconds(119))).isFalse();
        assertThat(warned.idleVerdict(NOTHING_OPEN, POLICY, late.plusSeconds(120)).stopDueAt(late.plusSeconds(120))).isTrue();
    }

    @Test
    void activityAfterTheWarningEndsTheSpellAndTheNextOneIsWarnedAnew() {
        Instant warnAt = START.plusSeconds(780);
        Instance running = running(900);
        Instance warned = running.warnOfIdleStop(running.idleVerdict(NOTHING_OPEN, POLICY, warnAt), warnAt).get();
        var typedAgain = activity(List.of(idleKernel(warnAt.plusSeconds(30))), List.empty());

        IdleVerdict verdict = warned.idleVerdict(typedAgain, POLICY, START.plusSeconds(900));

        assertThat(verdict.warned()).isFalse();
        assertThat(verdict.idleSince()).containsExactly(warnAt.plusSeconds(30));
        assertThat(verdict.stopAt()).containsExactly(warnAt.plusSeconds(930));
        assertThat(verdict.stopDueAt(START.plusSeconds(900))).isFalse();
    }

    @Test
    void aWarningIsNeverDueBeforeTheSpellBegan() {
        var longWarning = new IdleStopPolicy(Duration.ofSeconds(60), Duration.ofSeconds(3_600), Duration.ZERO,
                Duration.ofSeconds(600));

        IdleVerdict verdict = running(120).idleVerdict(NOTHING_OPEN, longWarning, START);

        assertThat(verdict.warnAt()).containsExactly(START);
        assertThat(verdict.stopAt()).containsExactly(START.plusSeconds(600));
    }

    @Test
    void aNewRunBeginsAfreshWithoutTheLastRunsWarning() {
        Instant warnAt = START.plusSeconds(780);
        Instance running = running(900);
        Instance warned = running.warnOfIdleStop(running.idleVerdict(NOTHING_OPEN, POLICY, warnAt), warnAt).get();
        Instant restart = START.plusSeconds(800);

        Instance restarted = warned.restart(restart).get()
                .onRuntimeEvent(new RuntimeEvent.Started(Fixtures.NOTEBOOK), restart.plusSeconds(5)).get();

        assertThat(restarted.status()).isEqualTo(InstanceStatus.RUNNING);
        assertThat(restarted.runningSince()).containsExactly(restart.plusSeconds(5));
        assertThat(restarted.idleWarnedAt()).isEmpty();
    }

    @Test
    void theSettingsChangeWhileRunningAndApplyAtOnceKeepingTheRun() {
        Instance running = Fixtures.runningSince(START, AutoStopSettings.DISABLED);

        Instance changed = withIdleStop(running, 900);

        assertThat(changed.runningSince()).containsExactly(START);
        assertThat(changed.idleVerdict(NOTHING_OPEN, POLICY, START).stopAt()).containsExactly(START.plusSeconds(900));
    }

    @Test
    void aChangeOfTheSettingsVoidsTheWarningAndAnyOtherChangeKeepsIt() {
        Instant warnAt = START.plusSeconds(780);
        Instance running = running(900);
        Instance warned = running.warnOfIdleStop(running.idleVerdict(NOTHING_OPEN, POLICY, warnAt), warnAt).get();

        Instance described = warned.modify(Option.some(new Description("still here")), AutoStopChange.NONE,
                AutoStopPolicy.DEFAULT, IdleStopChange.NONE, POLICY, warnAt.plusSeconds(1)).get();
        Instance lengthened = withIdleStop(warned, 1_200);

        assertThat(described.idleWarnedAt()).containsExactly(warnAt);
        assertThat(lengthened.idleWarnedAt()).isEmpty();
        assertThat(lengthened.idleVerdict(NOTHING_OPEN, POLICY, START.plusSeconds(1_080)).warningDueAt(START.plusSeconds(1_080)))
                .isTrue();
    }

    @Test
    void aChangeOutOfBoundsChangesNothing() {
        Instance running = running(900);

        assertThat(running.modify(Option.none(), AutoStopChange.NONE, AutoStopPolicy.DEFAULT,
                new IdleStopChange(Option.some(true), Option.some(30L)), POLICY, START).getLeft())
                .isEqualTo(new DomainError.OutOfRange(InstanceAttribute.IDLE_STOP_SECONDS, 60, 3_600));
    }

    private static Instance running(long idleSeconds) {
        return withIdleStop(Fixtures.runningSince(START, AutoStopSettings.DISABLED), idleSeconds);
    }

    private static Instance withIdleStop(Instance instance, long idleSeconds) {
        return instance.modify(Option.none(), AutoStopChange.NONE, AutoStopPolicy.DEFAULT,
                new IdleStopChange(Option.some(true), Option.some(idleSeconds)), POLICY, instance.updatedAt()).get();
    }

    private static NotebookActivity.Kernel idleKernel(Instant lastActivity) {
        return new NotebookActivity.Kernel("k-" + lastActivity.getEpochSecond(), false, lastActivity);
    }

    private static Option<NotebookActivity> activity(List<NotebookActivity.Kernel> kernels, List<NotebookActivity.Terminal> terminals) {
        return Option.some(new NotebookActivity(kernels, terminals));
    }
}
