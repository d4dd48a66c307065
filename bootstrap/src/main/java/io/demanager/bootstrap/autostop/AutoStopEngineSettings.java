package io.demanager.bootstrap.autostop;

import java.time.Duration;
import java.util.Objects;

/**
 * How the auto-stop engine runs.
 *
 * @param batchSize how many due leases one transaction claims and stops
 * @param interval  the pause between two rounds; a lease is stopped at most about this long after it ends
 */
public record AutoStopEngineSettings(int batchSize, Duration interval) {

    public static final AutoStopEngineSettings DEFAULT = new AutoStopEngineSettings(100, Duration.ofSeconds(10));

    public AutoStopEngineSettings {
        Objects.requireNonNull(interval, "interval");
        if (batchSize < 1) {
            throw new IllegalArgumentException("the auto-stop batch size is at least 1, not " + batchSize);
        }
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the auto-stop interval is positive, not " + interval);
        }
    }
}
