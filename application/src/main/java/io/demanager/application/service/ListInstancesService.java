package io.demanager.application.service;

import io.demanager.application.port.in.InstanceSnapshot;
import io.demanager.application.port.in.ListInstancesQuery;
import io.demanager.application.port.in.ListInstancesUseCase;
import io.demanager.application.port.in.Permission;
import io.demanager.application.port.in.ProjectGrant;
import io.demanager.application.port.out.InstanceListing;
import io.demanager.application.port.out.InstanceStore;
import io.demanager.domain.error.DomainError;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.time.Clock;

public final class ListInstancesService implements ListInstancesUseCase {

    private final InstanceStore store;
    private final FreeFlavorQueues views;
    private final Clock clock;

    public ListInstancesService(InstanceStore store, FreeFlavorQueues views, Clock clock) {
        this.views = views;
        this.store = store;
        this.clock = clock;
    }

    @Override
    public Either<DomainError, InstanceList> list(ListInstancesQuery query) {
        return AccessPolicy.permit(query.principal(), query.projectId(), Permission.LIST).map(grant -> {
            var page = store.list(listing(query, grant));
            var now = clock.instant();
            return new InstanceList(page.totalCount(), page.instances().map(instance -> views.snapshot(instance, now)));
        });
    }

    /** The store's listing for the query; a principal restricted to its own instances lists only those. */
    private static InstanceListing listing(ListInstancesQuery query, ProjectGrant grant) {
        Option<String> owner = query.showSelf() || grant.ownInstancesOnly()
                ? Option.some(query.principal().user().id())
                : Option.none();
        return new InstanceListing(query.projectId(), query.filter(), owner, query.sort(), query.page());
    }
}
