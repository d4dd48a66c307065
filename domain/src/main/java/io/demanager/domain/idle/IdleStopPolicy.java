package io.demanager.domain.idle;

import io.demanager.domain.error.DomainError;
import io.demanager.domain.error.InstanceAttribute;
import io.vavr.control.Either;

import java.time.Duration;
import java.util.Objects;

/**
 * The operator's rule of idle stop: the idle times a client may ask for, how long an instance runs at least before it
 * may be stopped for idleness, and how long before the stop it is warned.
 *
 * @param minimumIdle    the shortest idle time a client may ask for
 * @param maximumIdle    the longest idle time a client may ask for
 * @param minimumRunning how long a run lasts at least before an idle stop, however idle it is
 * @param warningBefore  how long before an idle stop the instance gets its warning event, at the least
 */
public record IdleStopPolicy(Duration minimumIdle, Duration maximumIdle, Duration minimumRunning, Duration warningBefore) {

    public static final IdleStopPolicy DEFAULT = new IdleStopPolicy(Duration.ofSeconds(600), Duration.ofSeconds(86_400),
            Duration.ofSeconds(600), Duration.ofSeconds(300));

    public IdleStopPolicy {
        Objects.requireNonNull(minimumIdle, "minimumIdle");
        Objects.requireNonNull(maximumIdle, "maximumIdle");
        Objects.requireNonNull(minimumRunning, "minimumRunning");
        Objects.requireNonNull(warningBefore, "warningBefore");
        if (!isWholeSeconds(minimumIdle) || minimumIdle.isZero()) {
            throw new IllegalArgumentException("the minimum idle time is a positive number of seconds");
        }
        if (!isWholeSeconds(maximumIdle) || maximumIdle.compareTo(minimumIdle) < 0) {
            throw new IllegalArgumentException("the maximum idle time is whole seconds, at least the minimum");
        }
        if (minimumRunning.isNegative() || warningBefore.isNegative()) {
            throw new IllegalArgumentException("the minimum running time and the warning time are not negative");
        }
    }

    /** {@code seconds} as an idle time when within the bounds; otherwise refused naming the idle time and the bounds. */
    Either<DomainError, Duration> checkIdleTime(long seconds) {
        return seconds < minimumIdle.getSeconds() || seconds > maximumIdle.getSeconds()
                ? Either.left(new DomainError.OutOfRange(InstanceAttribute.IDLE_STOP_SECONDS, minimumIdle.getSeconds(),
                        maximumIdle.getSeconds()))
                : Either.right(Duration.ofSeconds(seconds));
    }

    private static boolean isWholeSeconds(Duration duration) {
        return !duration.isNegative() && duration.getNano() == 0;
    }
}
