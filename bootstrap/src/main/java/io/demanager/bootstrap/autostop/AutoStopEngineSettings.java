package io.demanager.bootstrap.autostop;

import java.time.Duration;
import java.util.Objects;

/**
 * How the auto-stop engine runs.
 *
 * @param batchSize     how many due leases (or warnings) one transaction claims
 * @param interval      the longest sleep between two rounds: the engine sleeps until the next lease ends or is warned
 *                      about, or until news of a changed lease, but looks at least this often in case news was lost
 * @param warningBefore how long before its lease ends an instance whose {@code prompt} is true is warned; a lease
 *                      shorter than that is warned about as soon as it begins
 * @param claimers      how many batches are claimed and written at once while more than one batch is due: the store
 *                      then works on as many connections, one core each
 */
public record AutoStopEngineSettings(int batchSize, Duration interval, Duration warningBefore, int claimers) {

    public static final int DEFAULT_CLAIMERS = 2;

    public static final AutoStopEngineSettings DEFAULT =
            new AutoStopEngineSettings(100, Duration.ofSeconds(10), Duration.ofMinutes(10), DEFAULT_CLAIMERS);

    /** Settings with one claimer: batch after batch on one connection. */
    public AutoStopEngineSettings(int batchSize, Duration interval, Duration warningBefore) {
        this(batchSize, interval, warningBefore, 1);
    }

    public AutoStopEngineSettings {
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(warningBefore, "warningBefore");
        if (batchSize < 1) {
            throw new IllegalArgumentException("the auto-stop batch size is at least 1, not " + batchSize);
        }
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the auto-stop interval is positive, not " + interval);
        }
        if (claimers < 1) {
            throw new IllegalArgumentException("the auto-stop engine claims on at least 1 connection, not " + claimers);
        }
        if (warningBefore.isNegative()) {
            throw new IllegalArgumentException("the lease-ending warning comes before the stop, not " + warningBefore + " after");
        }
    }
}
