package io.demanager.archfixture.good.application.port.out;

import io.demanager.archfixture.good.domain.Thing;
import io.vavr.control.Option;

public interface ThingStore {

    /** @throws ThingStoreUnavailable when the store cannot be reached now */
    Option<Thing> find(String id);
}
