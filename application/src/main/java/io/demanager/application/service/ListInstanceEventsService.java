package io.demanager.application.service;

import io.demanager.application.port.in.InstanceEventsQuery;
import io.demanager.application.port.in.ListInstanceEventsUseCase;
import io.demanager.application.port.in.Permission;
import io.demanager.application.port.out.InstanceEvents;
import io.demanager.application.port.out.InstanceStore;
import io.demanager.domain.error.DomainError;
import io.vavr.control.Either;

public final class ListInstanceEventsService implements ListInstanceEventsUseCase {

    private final InstanceLookup lookup;
    private final InstanceEvents events;

    public ListInstanceEventsService(InstanceStore store, InstanceEvents events) {
        this.lookup = new InstanceLookup(store);
        this.events = events;
    }

    @Override
    public Either<DomainError, EventList> events(InstanceEventsQuery query) {
        return lookup.find(query.principal(), query.instance(), Permission.GET)
                .map(found -> events.events(found.projectId(), found.id(), query.offset(), query.limit()))
                .map(page -> new EventList(page.totalCount(), page.events()));
    }
}
