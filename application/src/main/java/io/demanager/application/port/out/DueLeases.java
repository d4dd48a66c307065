package io.demanager.application.port.out;

import io.demanager.domain.error.DomainError;
import io.demanager.domain.instance.Instance;
import io.demanager.domain.instance.LifecycleEvent;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;

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

    /**
     * How long from the store clock's present until the first lease of a running instance ends: zero or less when one
     * is due now, none when no running instance has a lease. The engine sleeps that long.
     */
    Option<Duration> untilNextLeaseEnd();

    /**
     * Claim up to {@code limit} running instances whose {@code prompt} is true, whose lease ends within {@code before}
     * from the store clock's present but not yet, and that were not warned about that lease; record for each a
     * {@link io.demanager.domain.instance.TransitionCause#LEASE_ENDING} event at that present, and remember the lease
     * as warned about, in one transaction. Answers the events. As {@link #stopDue}, safe with several engines: each
     * lease is warned about once.
     */
    List<LifecycleEvent> warnEnding(int limit, Duration before);

    /**
     * How long until the first warning of {@link #warnEnding} with {@code before} is due: zero or less when one is due
     * now, none when there is no lease left to warn about.
     */
    Option<Duration> untilNextWarning(Duration before);

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
