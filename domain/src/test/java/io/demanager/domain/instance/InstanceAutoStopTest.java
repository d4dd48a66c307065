package io.demanager.domain.instance;

import io.demanager.domain.autostop.AutoStopChange;
import io.demanager.domain.autostop.AutoStopLease;
import io.demanager.domain.autostop.AutoStopPolicy;
import io.demanager.domain.autostop.AutoStopSettings;
import io.demanager.domain.error.DomainError;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.demanager.domain.Fixtures.FREE_CPU;
import static io.demanager.domain.Fixtures.NOTEBOOK;
import static io.demanager.domain.Fixtures.PAID_CPU;
import static io.demanager.domain.Fixtures.enabledFor;
import static io.demanager.domain.Fixtures.failedReason;
import static io.demanager.domain.Fixtures.instance;
import static io.demanager.domain.Fixtures.runningSince;
import static org.assertj.core.api.Assertions.assertThat;

/** The lease of each run (section 5 of docs/devenviron-api.md), with the time passed in. */
class InstanceAutoStopTest {

    private static final Instant ENTERED = Instant.parse("2020-07-16T09:00:00Z");
    private static final Duration ONE_HOUR = Duration.ofHours(1);
    private static final Duration TWO_HOURS = Duration.ofHours(2);

    @Test
    void enteringRunningFixesTheStopTimeFromTheSettingsInForce() {
        Instance running = runningSince(ENTERED, enabledFor(ONE_HOUR));

        assertThat(running.lease()).containsExactly(new AutoStopLease(ENTERED.plus(ONE_HOUR)));
        assertThat(running.remainingSeconds(ENTERED)).containsExactly(3_600L);
        assertThat(running.remainingSeconds(ENTERED.plusMillis(1_500))).containsExactly(3_599L);
    }

    @Test
    void aCreatedInstanceGetsItsLeaseWhenItFirstRuns() {
        Instance created = instance(InstanceStatus.CREATING, FREE_CPU).onRuntimeEvent(new RuntimeEvent.Created(NOTEBOOK), ENTERED).get();

        assertThat(created.lease()).containsExactly(new AutoStopLease(ENTERED.plus(ONE_HOUR)));
    }

    @Test
    void aRunWithAutoStopDisabledHasNoLease() {
        Instance running = runningSince(ENTERED, new AutoStopSettings(false, Option.some(ONE_HOUR), true));

        assertThat(running.lease()).isEmpty();
        assertThat(running.remainingSeconds(ENTERED)).isEmpty();
    }

    @Test
    void aChangeWhileRunningChangesTheSettingsButNotTheLease() {
        Instance running = runningSince(ENTERED, enabledFor(ONE_HOUR));

        Instance longer = modify(running, change(true, TWO_HOURS), ENTERED.plusSeconds(600));
        Instance disabled = modify(running, new AutoStopChange(Option.some(false), Option.none(), Option.none()),
                ENTERED.plusSeconds(600));

        assertThat(longer.autoStop()).isEqualTo(enabledFor(TWO_HOURS));
        assertThat(longer.lease()).isEqualTo(running.lease());
        assertThat(longer.remainingSeconds(ENTERED.plusSeconds(600))).containsExactly(3_000L);
        assertThat(disabled.autoStop().enabled()).isFalse();
        assertThat(disabled.lease()).isEqualTo(running.lease());
    }

    @Test
    void stopThenStartTakesANewLeaseFromTheNewSettings() {
        Instance changed = modify(runningSince(ENTERED, enabledFor(ONE_HOUR)), change(true, TWO_HOURS), ENTERED.plusSeconds(60));
        Instant enteredAgain = ENTERED.plus(Duration.ofHours(5));

        Instance runningAgain = changed.stop(ENTERED.plusSeconds(120))
                .flatMap(stopping -> stopping.onRuntimeEvent(new RuntimeEvent.Stopped(), ENTERED.plusSeconds(130)))
                .flatMap(stopped -> stopped.start(true, enteredAgain.minusSeconds(30)))
                .flatMap(starting -> starting.onRuntimeEvent(new RuntimeEvent.Started(NOTEBOOK), enteredAgain))
                .get();

        assertThat(runningAgain.lease()).containsExactly(new AutoStopLease(enteredAgain.plus(TWO_HOURS)));
    }

    @Test
    void aRestartTakesANewLease() {
        Instance changed = modify(runningSince(ENTERED, enabledFor(ONE_HOUR)), change(true, TWO_HOURS), ENTERED.plusSeconds(60));
        Instant restarted = ENTERED.plusSeconds(1_800);

        Instance restarting = changed.restart(restarted.minusSeconds(20)).get();
        Instance runningAgain = restarting.onRuntimeEvent(new RuntimeEvent.Started(NOTEBOOK), restarted).get();

        assertThat(restarting.lease()).isEmpty();
        assertThat(runningAgain.lease()).containsExactly(new AutoStopLease(restarted.plus(TWO_HOURS)));
    }

    @Test
    void leavingRunningDropsTheLease() {
        Instance running = runningSince(ENTERED, enabledFor(ONE_HOUR));

        assertThat(running.stop(ENTERED.plusSeconds(5)).get().lease()).isEmpty();
        assertThat(running.onRuntimeEvent(new RuntimeEvent.Faulted(failedReason("NodeLost")),
                ENTERED.plusSeconds(5)).get().lease()).isEmpty();
    }

    @Test
    void theEngineStopsAnInstanceOnlyOnceItsLeaseIsDue() {
        Instance running = runningSince(ENTERED, enabledFor(ONE_HOUR));
        Instant stopAt = ENTERED.plus(ONE_HOUR);

        DomainError early = running.stopForExpiredLease(stopAt.minusMillis(1)).getLeft();

        assertThat(early).isInstanceOf(DomainError.OperationNotAllowed.class);
        assertThat(running.stopForExpiredLease(stopAt).get().status()).isEqualTo(InstanceStatus.STOPPING);
        assertThat(running.stopForExpiredLease(stopAt.plus(Duration.ofDays(2))).get().status()).isEqualTo(InstanceStatus.STOPPING);
    }

    @Test
    void theEngineDoesNotStopAnInstanceWithoutALease() {
        Instance noLease = runningSince(ENTERED, AutoStopSettings.DISABLED);
        Instance stopping = runningSince(ENTERED, enabledFor(ONE_HOUR)).stop(ENTERED.plusSeconds(5)).get();
        Instant farLater = ENTERED.plus(Duration.ofDays(2));

        assertThat(noLease.stopForExpiredLease(farLater).getLeft()).isInstanceOf(DomainError.OperationNotAllowed.class);
        assertThat(stopping.stopForExpiredLease(farLater).getLeft()).isInstanceOf(DomainError.OperationNotAllowed.class);
        assertThat(instance(InstanceStatus.DELETED, PAID_CPU).stopForExpiredLease(farLater).getLeft()).isInstanceOf(DomainError.InstanceNotFound.class);
    }

    private static AutoStopChange change(boolean enable, Duration duration) {
        return new AutoStopChange(Option.some(enable), Option.some(duration.getSeconds()), Option.none());
    }

    private static Instance modify(Instance instance, AutoStopChange change, Instant now) {
        return instance.modify(Option.none(), change, AutoStopPolicy.DEFAULT, now).get();
    }
}
