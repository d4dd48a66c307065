package io.demanager.archfixture.good.application.port.in;

import io.demanager.archfixture.good.domain.Thing;
import io.vavr.control.Option;

public interface GetThingUseCase {

    Option<Thing> get(ThingQuery query);

    enum Freshness { ANY, RECENT }

    record ThingQuery(String id, Freshness freshness) {
    }
}
