package io.demanager.application.port.in;

import io.vavr.control.Option;

import java.time.Duration;

/**
 * The auto-stop engine's work: stop, with cause auto stop, the running instances whose lease has run out,
 * through the same transition as a user's stop.
 */
public interface StopExpiredLeasesUseCase {

    /**
     * Stop up to {@code batchSize} instances whose lease has run out, and answer how many were stopped.
     * A full batch means more may be due.
     */
    int stopExpiredLeases(int batchSize);

    /** How long until the next lease ends: zero or less when one is due now, none when no run has a lease. */
    Option<Duration> untilNextLeaseEnd();
}
