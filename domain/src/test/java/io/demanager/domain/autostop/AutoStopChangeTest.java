package io.demanager.domain.autostop;

import io.demanager.domain.error.DomainError;
import io.demanager.domain.error.InstanceAttribute;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static io.demanager.domain.Fixtures.FREE_CPU;
import static io.demanager.domain.Fixtures.PAID_CPU;
import static io.demanager.domain.Fixtures.enabledFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The auto-stop rules of section 5 of docs/devenviron-api.md, for paid and free flavors. */
class AutoStopChangeTest {

    private static final AutoStopPolicy SHORT_RUNS = new AutoStopPolicy(Duration.ofSeconds(60), Duration.ofSeconds(600));
    private static final AutoStopSettings FREE_DEFAULT = AutoStopSettings.initialFor(FREE_CPU);

    @Test
    void enablingWithADurationTurnsAutoStopOn() {
        AutoStopSettings settings = change(true, 7_200L, null).applyTo(AutoStopSettings.DISABLED, PAID_CPU, AutoStopPolicy.DEFAULT).get();

        assertThat(settings).isEqualTo(new AutoStopSettings(true, Option.some(Duration.ofSeconds(7_200)), true));
    }

    @Test
    void enablingWithoutADurationIsRefusedEvenWhenOneIsStored() {
        AutoStopSettings storedButOff = new AutoStopSettings(false, Option.some(Duration.ofHours(2)), true);

        DomainError refused = change(true, null, null).applyTo(storedButOff, PAID_CPU, AutoStopPolicy.DEFAULT).getLeft();

        assertThat(refused).isEqualTo(new DomainError.DurationRequired());
    }

    @ParameterizedTest
    @ValueSource(longs = {3_600, 86_400})
    void theDocumentedBoundsAreAllowed(long seconds) {
        assertThat(change(true, seconds, null).applyTo(AutoStopSettings.DISABLED, PAID_CPU, AutoStopPolicy.DEFAULT)
                .get().duration()).containsExactly(Duration.ofSeconds(seconds));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 3_599, 86_401, -1})
    void aDurationOutsideTheDocumentedBoundsIsRefusedNamingThem(long seconds) {
        DomainError refused = change(true, seconds, null).applyTo(AutoStopSettings.DISABLED, PAID_CPU, AutoStopPolicy.DEFAULT).getLeft();

        assertThat(refused).isEqualTo(new DomainError.DurationOutOfRange(3_600, 86_400));
    }

    @Test
    void aDurationOutOfBoundsIsRefusedEvenWhenDisabling() {
        assertThat(change(false, 90_000L, null).applyTo(enabledFor(Duration.ofHours(2)), PAID_CPU, AutoStopPolicy.DEFAULT)
                .getLeft()).isInstanceOf(DomainError.DurationOutOfRange.class);
    }

    @ParameterizedTest
    @ValueSource(longs = {60, 600})
    void anOperatorsBoundsReplaceTheDocumentedOnes(long seconds) {
        assertThat(change(true, seconds, null).applyTo(AutoStopSettings.DISABLED, PAID_CPU, SHORT_RUNS).isRight()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(longs = {59, 601, 3_600})
    void anOperatorsBoundsAreEnforcedAndNamed(long seconds) {
        DomainError refused = change(true, seconds, null).applyTo(AutoStopSettings.DISABLED, PAID_CPU, SHORT_RUNS).getLeft();

        assertThat(refused).isEqualTo(new DomainError.DurationOutOfRange(60, 600));
    }

    @Test
    void disablingKeepsTheDurationForALaterEnable() {
        AutoStopSettings off = change(false, null, null).applyTo(enabledFor(Duration.ofHours(2)), PAID_CPU, AutoStopPolicy.DEFAULT).get();

        assertThat(off).isEqualTo(new AutoStopSettings(false, Option.some(Duration.ofHours(2)), true));
    }

    @Test
    void promptIsStoredAndAbsentPartsStayAsTheyAre() {
        AutoStopSettings current = enabledFor(Duration.ofHours(2));

        AutoStopSettings quiet = change(null, null, false).applyTo(current, PAID_CPU, AutoStopPolicy.DEFAULT).get();

        assertThat(quiet).isEqualTo(new AutoStopSettings(true, Option.some(Duration.ofHours(2)), false));
        assertThat(AutoStopChange.NONE.applyTo(quiet, PAID_CPU, AutoStopPolicy.DEFAULT).get()).isEqualTo(quiet);
    }

    @Test
    void aNewInstanceOfAFreeFlavorHasAutoStopForcedOnWithTheFlavorsDuration() {
        assertThat(FREE_DEFAULT).isEqualTo(new AutoStopSettings(true, Option.some(Duration.ofSeconds(3_600)), true));
        assertThat(AutoStopSettings.initialFor(PAID_CPU)).isEqualTo(AutoStopSettings.DISABLED);
    }

    @Test
    void aFreeFlavorCannotBeDisabled() {
        DomainError refused = change(false, null, null).applyTo(FREE_DEFAULT, FREE_CPU, AutoStopPolicy.DEFAULT).getLeft();

        assertThat(refused).isEqualTo(new DomainError.IncorrectValue(InstanceAttribute.AUTO_STOP_ENABLED));
    }

    @Test
    void aFreeFlavorRefusesADurationLongerThanItsOwnNamingTheBoundsInForce() {
        DomainError refused = change(true, 3_601L, null).applyTo(FREE_DEFAULT, FREE_CPU, AutoStopPolicy.DEFAULT).getLeft();

        assertThat(refused).isEqualTo(new DomainError.DurationOutOfRange(3_600, 3_600));
    }

    @Test
    void aFreeFlavorCapsAnOperatorsBoundsAtItsOwnDuration() {
        assertThat(change(null, 3_000L, null).applyTo(FREE_DEFAULT, FREE_CPU, SHORT_RUNS).get().duration())
                .containsExactly(Duration.ofSeconds(3_000));
        assertThat(change(null, 3_601L, null).applyTo(FREE_DEFAULT, FREE_CPU, SHORT_RUNS).getLeft())
                .isEqualTo(new DomainError.DurationOutOfRange(60, 3_600));
    }

    @Test
    void invalidSettingsAndPoliciesCannotBeBuilt() {
        assertThatIllegalArgumentException().isThrownBy(() -> new AutoStopSettings(true, Option.none(), true));
        assertThatIllegalArgumentException().isThrownBy(() -> new AutoStopSettings(false, Option.some(Duration.ZERO), true));
        assertThatIllegalArgumentException().isThrownBy(() -> new AutoStopPolicy(Duration.ZERO, Duration.ofSeconds(60)));
        assertThatIllegalArgumentException().isThrownBy(() -> new AutoStopPolicy(Duration.ofSeconds(600), Duration.ofSeconds(60)));
        assertThatIllegalArgumentException().isThrownBy(() -> new AutoStopPolicy(Duration.ofMillis(1_500), Duration.ofSeconds(60)));
    }

    private static AutoStopChange change(Boolean enable, Long durationSeconds, Boolean prompt) {
        return new AutoStopChange(Option.of(enable), Option.of(durationSeconds), Option.of(prompt));
    }
}
