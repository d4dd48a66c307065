package io.demanager.application.port.in;

import io.demanager.domain.error.DomainError;
import io.demanager.domain.instance.LifecycleEvent;
import io.vavr.collection.List;
import io.vavr.control.Either;

/** Why an instance is in its status: its lifecycle events, newest first. */
public interface ListInstanceEventsUseCase {

    /** One page of the instance's events; an unknown instance, or one of another project: 6309. */
    Either<DomainError, EventList> events(InstanceEventsQuery query);

    /** {@code totalCount} counts every event of the instance, not just this page. */
    record EventList(long totalCount, List<LifecycleEvent> events) {
    }
}
