package io.demanager.application.service;

import io.demanager.application.port.in.ViewCatalogQuery;
import io.demanager.application.port.in.ViewCatalogUseCase;
import io.demanager.application.port.out.ActiveInstances;
import io.demanager.application.port.out.Catalog;
import io.demanager.domain.catalog.Flavor;
import io.demanager.domain.error.DomainError;
import io.vavr.control.Either;
import io.vavr.control.Option;

public final class ViewCatalogService implements ViewCatalogUseCase {

    private final Catalog catalog;
    private final ActiveInstances activeInstances;
    private final int freeFlavorCapacity;

    public ViewCatalogService(Catalog catalog, ActiveInstances activeInstances, int freeFlavorCapacity) {
        this.catalog = catalog;
        this.activeInstances = activeInstances;
        this.freeFlavorCapacity = freeFlavorCapacity;
    }

    @Override
    public Either<DomainError, CatalogView> catalog(ViewCatalogQuery query) {
        return AccessPolicy.enter(query.principal(), query.project())
                .map(grant -> new CatalogView(catalog.flavors().map(this::offer), catalog.profiles()));
    }

    private FlavorOffer offer(Flavor flavor) {
        return new FlavorOffer(flavor, flavor.isFree()
                ? Option.some(new FreeFlavorRoom(freeFlavorCapacity, activeInstances.countHoldingCapacity(flavor.name())))
                : Option.none());
    }
}
