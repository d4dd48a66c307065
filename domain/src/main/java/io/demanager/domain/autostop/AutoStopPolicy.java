package io.demanager.domain.autostop;

import io.demanager.domain.catalog.Flavor;
import io.demanager.domain.error.DomainError;
import io.vavr.control.Either;

import java.time.Duration;
import java.util.Objects;

/**
 * The bounds an auto-stop duration must keep. The documented bounds are one to twenty-four hours;
 * operators may choose others. A free flavor narrows the upper bound to its own mandatory duration.
 */
public record AutoStopPolicy(Duration minimum, Duration maximum) {

    public static final AutoStopPolicy DEFAULT = new AutoStopPolicy(Duration.ofSeconds(3_600), Duration.ofSeconds(86_400));

    public AutoStopPolicy {
        Objects.requireNonNull(minimum, "minimum");
        Objects.requireNonNull(maximum, "maximum");
        if (minimum.isNegative() || minimum.isZero() || minimum.getNano() != 0) {
            throw new IllegalArgumentException("the minimum auto-stop duration is a positive number of seconds");
        }
        if (maximum.compareTo(minimum) < 0 || maximum.getNano() != 0) {
            throw new IllegalArgumentException("the maximum auto-stop duration is whole seconds, at least the minimum");
        }
    }

    /**
     * The policy in force for an instance of {@code flavor}: a free flavor's duration caps the range.
     * The lower bound never rises above that cap, so the flavor's own duration is always allowed.
     */
    public AutoStopPolicy forFlavor(Flavor flavor) {
        return flavor.autoStopDuration()
                .map(cap -> new AutoStopPolicy(min(minimum, cap), cap))
                .getOrElse(this);
    }

    Either<DomainError, Duration> checkDuration(long seconds) {
        return seconds < minimum.getSeconds() || seconds > maximum.getSeconds()
                ? Either.left(new DomainError.DurationOutOfRange(minimum.getSeconds(), maximum.getSeconds()))
                : Either.right(Duration.ofSeconds(seconds));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
