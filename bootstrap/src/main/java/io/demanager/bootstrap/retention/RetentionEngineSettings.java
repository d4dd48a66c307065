package io.demanager.bootstrap.retention;

import java.time.Duration;
import java.util.Objects;

/**
 * How the retention engine runs.
 *
 * @param batchSize how many instances whose retention has ended one transaction claims and deletes
 * @param interval  the pause between two sweeps; retention is counted in hours, so a sweep now and then deletes each
 *                  instance this long after its end at the most
 */
public record RetentionEngineSettings(int batchSize, Duration interval) {

    public static final RetentionEngineSettings DEFAULT = new RetentionEngineSettings(100, Duration.ofMinutes(1));

    public RetentionEngineSettings {
        Objects.requireNonNull(interval, "interval");
        if (batchSize < 1) {
            throw new IllegalArgumentException("the retention batch size is at least 1, not " + batchSize);
        }
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the retention interval is positive, not " + interval);
        }
    }
}
