package io.demanager.archfixture.good.application.port.out;

import io.demanager.archfixture.good.domain.Thing;
import io.vavr.control.Option;

public interface ThingStore {

    Option<Thing> find(String id);
}
