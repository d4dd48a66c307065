package io.demanager.archfixture.good.testkit;

import io.demanager.archfixture.good.application.port.out.ThingStore;
import io.demanager.archfixture.good.domain.Thing;
import io.vavr.control.Option;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The test kit implements ports for the tests; no production class uses it. */
public final class InMemoryThingStore implements ThingStore {

    private final Map<String, Thing> things = new ConcurrentHashMap<>();

    public void add(Thing thing) {
        things.put(thing.id(), thing);
    }

    @Override
    public Option<Thing> find(String id) {
        return Option.of(things.get(id));
    }
}
