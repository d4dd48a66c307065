package io.demanager.application.service;

import io.demanager.application.port.in.ViewCatalogQuery;
import io.demanager.application.port.in.ViewCatalogUseCase;
import io.demanager.application.port.out.ActiveInstances;
import io.demanager.application.port.out.Catalog;
import io.demanager.domain.catalog.Flavor;
import io.demanager.domain.error.DomainError;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.time.Clock;
import java.time.Instant;

public final class ViewCatalogService implements ViewCatalogUseCase {

    private final Catalog catalog;
    private final ActiveInstances activeInstances;
    private final FreeFlavorQueues queues;
    private final int freeFlavorCapacity;
    private final Clock clock;

    public ViewCatalogService(Catalog catalog, ActiveInstances activeInstances, FreeFlavorQueues queues, int freeFlavorCapacity,
                              Clock clock) {
        this.catalog = catalog;
        this.activeInstances = activeInstances;
        this.queues = queues;
        this.freeFlavorCapacity = freeFlavorCapacity;
        this.clock = clock;
    }

    @Override
    public Either<DomainError, CatalogView> catalog(ViewCatalogQuery query) {
        return AccessPolicy.enter(query.principal(), query.project())
                .map(grant -> {
                    Instant now = clock.instant();
                    return new CatalogView(catalog.flavors().map(flavor -> offer(flavor, now)), catalog.profiles(), now);
                });
    }

    private FlavorOffer offer(Flavor flavor, Instant now) {
        return new FlavorOffer(flavor, flavor.isFree()
                ? Option.some(new FreeFlavorRoom(freeFlavorCapacity, activeInstances.countHoldingCapacity(flavor.name()),
                        queues.queueOf(flavor, now)))
                : Option.none());
    }
}
