package io.demanager.application.port.out;

import io.demanager.domain.error.DomainError;
import io.demanager.domain.instance.Instance;
import io.vavr.collection.List;
import io.vavr.control.Either;

import java.time.Duration;
import java.time.Instant;

/**
 * Running instances whose auto-stop lease has run out, judged by the store's own clock, across every project.
 * Any number of engines may share one store: an instance is claimed by one of them at a time, and a claim that is
 * never completed (its engine died) is released, so that every due instance is stopped exactly once.
 */
public interface DueLeases {

    /**
     * Claim up to {@code limit} due instances, those whose lease ended first first, and pass each to {@code stop}
     * with the store clock's time. Every instance {@code stop} answers is stored with an
     * {@link io.demanager.domain.instance.TransitionCause#AUTO_STOP} event, all in one transaction with the claim;
     * one that {@code stop} refuses is left as it is. Answers what was stopped. Store failures are thrown, and then
     * nothing is stored and nothing stays claimed.
     */
    List<AutoStopped> stopDue(int limit, LeaseStop stop);

    /** The rule that stops a claimed instance at the store's time. */
    @FunctionalInterface
    interface LeaseStop {
        Either<DomainError, Instance> apply(Instance running, Instant now);
    }

    /** An instance as stored once stopped, and when the lease it was stopped for ended. */
    record AutoStopped(Instance stopped, Instant leaseEnd) {

        /** How long after the lease's end the stop happened. */
        public Duration lateness() {
            return Duration.between(leaseEnd, stopped.updatedAt());
        }
    }
}
