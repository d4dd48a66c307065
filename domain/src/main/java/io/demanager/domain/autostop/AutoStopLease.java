package io.demanager.domain.autostop;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** The stop time of the current run, fixed when the instance entered RUNNING. */
public record AutoStopLease(Instant stopAt) {

    public AutoStopLease {
        Objects.requireNonNull(stopAt, "stopAt");
    }

    /** Whole seconds left at {@code now}, rounded up, never negative. */
    public long remainingSeconds(Instant now) {
        Duration left = Duration.between(now, stopAt);
        if (left.isNegative() || left.isZero()) {
            return 0;
        }
        return left.getSeconds() + (left.getNano() > 0 ? 1 : 0);
    }

    public boolean isDueAt(Instant now) {
        return !now.isBefore(stopAt);
    }
}
