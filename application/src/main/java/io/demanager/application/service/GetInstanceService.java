package io.demanager.application.service;

import io.demanager.application.port.in.GetInstanceUseCase;
import io.demanager.application.port.in.GetInstanceQuery;
import io.demanager.application.port.in.InstanceSnapshot;
import io.demanager.application.port.in.Permission;
import io.demanager.application.port.out.InstanceStore;
import io.demanager.domain.error.DomainError;
import io.vavr.control.Either;

import java.time.Clock;

public final class GetInstanceService implements GetInstanceUseCase {

    private final InstanceLookup lookup;
    private final FreeFlavorQueues views;
    private final Clock clock;

    public GetInstanceService(InstanceStore store, FreeFlavorQueues views, Clock clock) {
        this.views = views;
        this.lookup = new InstanceLookup(store);
        this.clock = clock;
    }

    @Override
    public Either<DomainError, InstanceSnapshot> get(GetInstanceQuery query) {
        return lookup.find(query.principal(), query.instance(), Permission.GET).map(found -> views.snapshot(found, clock.instant()));
    }
}
