package io.demanager.application.port.out;

import io.demanager.domain.error.DomainError;
import io.demanager.domain.instance.Instance;
import io.demanager.domain.instance.InstanceStatus;
import io.vavr.collection.List;
import io.vavr.control.Either;

import java.time.Instant;
import java.util.Objects;

/**
 * Inactive instances whose retention has ended ({@link Instance#retentionEnd()}), judged by the store's own clock,
 * across every project. Any number of engines may share one store: an instance is claimed by one of them at a time,
 * and a claim that is never completed (its engine died) is released, so that each is deleted exactly once.
 */
public interface ExpiredRetentions {

    /**
     * Claim up to {@code limit} instances whose retention has ended, those that ended first first, and pass each to
     * {@code delete} with the store clock's time. Every instance {@code delete} answers is stored with a
     * {@link io.demanager.domain.instance.TransitionCause#RETENTION} event, all in one transaction with the claim; one
     * that {@code delete} refuses is left as it is. Answers what was deleted. Store failures are thrown, and then
     * nothing is stored and nothing stays claimed.
     */
    List<Expired> deleteExpired(int limit, RetentionDelete delete);

    /** The rule that deletes a claimed instance at the store's time. */
    @FunctionalInterface
    interface RetentionDelete {
        Either<DomainError, Instance> apply(Instance inactive, Instant now);
    }

    /** An instance as stored once deleted, and the status it was deleted from. */
    record Expired(InstanceStatus before, Instance deleted) {

        public Expired {
            Objects.requireNonNull(before, "before");
            Objects.requireNonNull(deleted, "deleted");
        }
    }
}
