package io.demanager.domain.idle;

import io.demanager.domain.error.DomainError;
import io.demanager.domain.error.InstanceAttribute;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class IdleStopChangeTest {

    private static final IdleStopSettings ONE_HOUR = new IdleStopSettings(true, Option.some(Duration.ofHours(1)));

    @Test
    void enablingWithAnIdleTimeTurnsIdleStopOn() {
        assertThat(change(true, 900L).applyTo(IdleStopSettings.DISABLED, IdleStopPolicy.DEFAULT).get())
                .isEqualTo(new IdleStopSettings(true, Option.some(Duration.ofSeconds(900))));
    }

    @Test
    void enablingAgainReusesTheIdleTimeKeptWhileDisabled() {
        IdleStopSettings keptOff = new IdleStopSettings(false, Option.some(Duration.ofSeconds(1_200)));

        assertThat(change(true, null).applyTo(keptOff, IdleStopPolicy.DEFAULT).get())
                .isEqualTo(new IdleStopSettings(true, Option.some(Duration.ofSeconds(1_200))));
    }

    @Test
    void enablingWithoutAnyIdleTimeIsRefusedNamingIt() {
        assertThat(change(true, null).applyTo(IdleStopSettings.DISABLED, IdleStopPolicy.DEFAULT).getLeft())
                .isEqualTo(new DomainError.RequiredProperty(InstanceAttribute.IDLE_STOP_SECONDS));
    }

    @Test
    void disablingKeepsTheIdleTime() {
        assertThat(change(false, null).applyTo(ONE_HOUR, IdleStopPolicy.DEFAULT).get())
                .isEqualTo(new IdleStopSettings(false, Option.some(Duration.ofHours(1))));
    }

    @Test
    void anEmptyChangeKeepsEverything() {
        assertThat(IdleStopChange.NONE.applyTo(ONE_HOUR, IdleStopPolicy.DEFAULT).get()).isEqualTo(ONE_HOUR);
        assertThat(IdleStopChange.NONE.applyTo(IdleStopSettings.DISABLED, IdleStopPolicy.DEFAULT).get())
                .isEqualTo(IdleStopSettings.DISABLED);
    }

    @ParameterizedTest
    @ValueSource(longs = {600, 86_400})
    void theBoundsThemselvesAreAllowed(long seconds) {
        assertThat(change(true, seconds).applyTo(IdleStopSettings.DISABLED, IdleStopPolicy.DEFAULT).get().idleTime())
                .containsExactly(Duration.ofSeconds(seconds));
    }

    @ParameterizedTest
    @ValueSource(longs = {-1, 0, 599, 86_401, Long.MAX_VALUE})
    void anIdleTimeOutOfTheBoundsIsRefusedNamingTheFieldAndTheBounds(long seconds) {
        assertThat(change(true, seconds).applyTo(ONE_HOUR, IdleStopPolicy.DEFAULT).getLeft())
                .isEqualTo(new DomainError.OutOfRange(InstanceAttribute.IDLE_STOP_SECONDS, 600, 86_400));
    }

    @Test
    void theOperatorsBoundsAreTheOnesChecked() {
        var policy = new IdleStopPolicy(Duration.ofSeconds(5), Duration.ofSeconds(60), Duration.ZERO, Duration.ZERO);

        assertThat(change(true, 5L).applyTo(IdleStopSettings.DISABLED, policy).get().idleTime())
                .containsExactly(Duration.ofSeconds(5));
        assertThat(change(true, 61L).applyTo(IdleStopSettings.DISABLED, policy).getLeft())
                .isEqualTo(new DomainError.OutOfRange(InstanceAttribute.IDLE_STOP_SECONDS, 5, 60));
    }

    @Test
    void aPolicyKeepsItsInvariants() {
        assertThatIllegalArgumentException().isThrownBy(() ->
                new IdleStopPolicy(Duration.ZERO, Duration.ofSeconds(60), Duration.ZERO, Duration.ZERO));
        assertThatIllegalArgumentException().isThrownBy(() ->
                new IdleStopPolicy(Duration.ofSeconds(60), Duration.ofSeconds(59), Duration.ZERO, Duration.ZERO));
        assertThatIllegalArgumentException().isThrownBy(() ->
                new IdleStopPolicy(Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofSeconds(-1), Duration.ZERO));
        assertThatIllegalArgumentException().isThrownBy(() ->
                new IdleStopPolicy(Duration.ofMillis(1_500), Duration.ofSeconds(60), Duration.ZERO, Duration.ZERO));
    }

    @Test
    void enabledSettingsHaveAPositiveIdleTime() {
        assertThatIllegalArgumentException().isThrownBy(() -> new IdleStopSettings(true, Option.none()));
        assertThatIllegalArgumentException().isThrownBy(() -> new IdleStopSettings(false, Option.some(Duration.ZERO)));
    }

    private static IdleStopChange change(Boolean enable, Long seconds) {
        return new IdleStopChange(Option.of(enable), Option.of(seconds));
    }
}
