package io.demanager.domain.autostop;

import io.demanager.domain.catalog.Flavor;
import io.demanager.domain.error.DomainError;
import io.vavr.control.Either;

import java.time.Duration;

/**
 * The bounds an auto-stop duration must keep. The documented bounds are one to twenty-four hours;
 * operators may choose others. A free flavor narrows the upper bound to its own mandatory duration.
 */
public record AutoStopPolicy(Duration minimum, Duration maximum) {

    public static final AutoStopPolicy DEFAULT = new AutoStopPolicy(Duration.ofSeconds(3_600), Duration.ofSeconds(86_400));

    public AutoStopPolicy {
        WholeSecondsRange.require(minimum, maximum, "auto-stop duration");
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
        return WholeSecondsRange.check(seconds, minimum, maximum);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
