package io.demanager.domain.autostop;

import io.demanager.domain.error.DomainError;
import io.vavr.control.Either;

import java.time.Duration;

/**
 * How far from now a user may move the end of a running lease. By default one hour to three days: a renewal is a
 * promise to come back, so it may reach further than an auto-stop duration, and no shorter than the shortest one.
 */
public record LeaseRenewalPolicy(Duration minimum, Duration maximum) {

    public static final LeaseRenewalPolicy DEFAULT = new LeaseRenewalPolicy(Duration.ofSeconds(3_600), Duration.ofSeconds(259_200));

    public LeaseRenewalPolicy {
        WholeSecondsRange.require(minimum, maximum, "renewal");
    }

    /** The renewal of {@code seconds} from now, or 6349 with the bounds. */
    public Either<DomainError, Duration> check(long seconds) {
        return WholeSecondsRange.check(seconds, minimum, maximum);
    }
}
