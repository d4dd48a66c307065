package io.demanager.archfixture.good.adapter.runtime;

import io.demanager.archfixture.good.application.port.out.ThingStore;
import io.demanager.archfixture.good.domain.Thing;
import io.vavr.control.Option;

/** A runtime adapter uses the application's ports and the domain, and nothing of another adapter. */
public final class ThingRunner {

    private final ThingStore store;

    public ThingRunner(ThingStore store) {
        this.store = store;
    }

    public Option<Thing> run(String id) {
        return store.find(id);
    }
}
