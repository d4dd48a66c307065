package io.demanager.application.port.in;

import io.demanager.application.port.out.InstanceEvents.EventPage;
import io.demanager.domain.error.DomainError;
import io.vavr.control.Either;

/** Why an instance is in its status: its lifecycle events, newest first. */
public interface ListInstanceEventsUseCase {

    /** One page of the instance's events; an unknown instance, or one of another project: 6309. */
    Either<DomainError, EventPage> events(InstanceEventsQuery query);
}
