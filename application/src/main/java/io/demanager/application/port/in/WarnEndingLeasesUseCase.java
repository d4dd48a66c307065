package io.demanager.application.port.in;

import io.vavr.control.Option;

import java.time.Duration;

/**
 * The warning before an auto stop: a running instance whose auto-stop {@code prompt} is true gets a
 * {@link io.demanager.domain.instance.TransitionCause#LEASE_ENDING} lifecycle event some time before its lease ends
 * (at once when the lease is shorter than that), once per lease.
 */
public interface WarnEndingLeasesUseCase {

    /** Warn up to {@code batchSize} instances whose warning is due, and answer how many. A full batch means more may be. */
    int warnEndingLeases(int batchSize);

    /** How long until the next warning is due: zero or less when one is due now, none when none is planned. */
    Option<Duration> untilNextWarning();
}
