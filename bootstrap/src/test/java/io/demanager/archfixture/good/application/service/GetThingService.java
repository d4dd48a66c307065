package io.demanager.archfixture.good.application.service;

import io.demanager.archfixture.good.application.port.in.GetThingUseCase;
import io.demanager.archfixture.good.application.port.out.ThingStore;
import io.demanager.archfixture.good.domain.Thing;
import io.vavr.control.Option;

public final class GetThingService implements GetThingUseCase {

    private final ThingStore store;

    public GetThingService(ThingStore store) {
        this.store = store;
    }

    @Override
    public Option<Thing> get(ThingQuery query) {
        return store.find(query.id());
    }
}
