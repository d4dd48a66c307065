package io.demanager.domain.autostop;

import io.demanager.domain.error.DomainError;
import io.vavr.control.Either;

import java.time.Duration;
import java.util.Objects;

/**
 * How far from now a user may move the end of a running lease. By default one hour to three days: a renewal is a
 * promise to come back, so it may reach further than an auto-stop duration, and no shorter than the shortest one.
 */
public record LeaseRenewalPolicy(Duration minimum, Duration maximum) {

    public static final LeaseRenewalPolicy DEFAULT = new LeaseRenewalPolicy(Duration.ofSeconds(3_600), Duration.ofSeconds(259_200));

    public LeaseRenewalPolicy {
        Objects.requireNonNull(minimum, "minimum");
        Objects.requireNonNull(maximum, "maximum");
        if (minimum.isNegative() || minimum.isZero() || minimum.getNano() != 0) {
            throw new IllegalArgumentException("the minimum renewal is a positive number of seconds");
        }
        if (maximum.compareTo(minimum) < 0 || maximum.getNano() != 0) {
            throw new IllegalArgumentException("the maximum renewal is whole seconds, at least the minimum");
        }
    }

    /** The renewal of {@code seconds} from now, or 6349 with the bounds. */
    public Either<DomainError, Duration> check(long seconds) {
        return seconds < minimum.getSeconds() || seconds > maximum.getSeconds()
                ? Either.left(new DomainError.DurationOutOfRange(minimum.getSeconds(), maximum.getSeconds()))
                : Either.right(Duration.ofSeconds(seconds));
    }
}
