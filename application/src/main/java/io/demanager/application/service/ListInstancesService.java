package io.demanager.application.service;

import io.demanager.application.port.in.InstanceSnapshot;
import io.demanager.application.port.in.ListInstancesUseCase;
import io.demanager.application.port.out.InstanceListing;
import io.demanager.application.port.out.InstanceStore;

import java.time.Clock;

public final class ListInstancesService implements ListInstancesUseCase {

    private final InstanceStore store;
    private final Clock clock;

    public ListInstancesService(InstanceStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public InstanceList list(InstanceListing query) {
        var page = store.list(query);
        var now = clock.instant();
        return new InstanceList(page.totalCount(), page.instances().map(instance -> new InstanceSnapshot(instance, now)));
    }
}
