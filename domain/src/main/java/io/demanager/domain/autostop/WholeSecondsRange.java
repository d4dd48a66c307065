package io.demanager.domain.autostop;

import io.demanager.domain.error.DomainError;
import io.vavr.control.Either;

import java.time.Duration;
import java.util.Objects;

/** The rule both duration policies keep: a positive minimum and a maximum at least as long, both whole seconds. */
final class WholeSecondsRange {

    private WholeSecondsRange() {
    }

    /** Refuses bounds that break the rule, naming {@code what} they bound. */
    static void require(Duration minimum, Duration maximum, String what) {
        Objects.requireNonNull(minimum, "minimum");
        Objects.requireNonNull(maximum, "maximum");
        if (minimum.isNegative() || minimum.isZero() || minimum.getNano() != 0) {
            throw new IllegalArgumentException("the minimum " + what + " is a positive number of seconds");
        }
        if (maximum.compareTo(minimum) < 0 || maximum.getNano() != 0) {
            throw new IllegalArgumentException("the maximum " + what + " is whole seconds, at least the minimum");
        }
    }

    /** {@code seconds} as a duration when within the bounds, else 6349 with the bounds. */
    static Either<DomainError, Duration> check(long seconds, Duration minimum, Duration maximum) {
        return seconds < minimum.getSeconds() || seconds > maximum.getSeconds()
                ? Either.left(new DomainError.DurationOutOfRange(minimum.getSeconds(), maximum.getSeconds()))
                : Either.right(Duration.ofSeconds(seconds));
    }
}
