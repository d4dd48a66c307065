package io.demanager.application.port.in;

import io.demanager.domain.error.DomainError;
import io.vavr.control.Either;

/**
 * Renew a running instance's lease: it stops {@code duration} seconds from now instead of when its lease ended. The
 * auto-stop settings for the next start stay as they are. Recorded as a lifecycle event of cause
 * {@link io.demanager.domain.instance.TransitionCause#LEASE_RENEWED}.
 */
public interface RenewLeaseUseCase {

    /** The renewed instance; 6327 when it is not RUNNING, 6349 for a duration out of bounds. */
    Either<DomainError, InstanceSnapshot> renew(RenewLeaseCommand command);
}
