package io.demanager.archfixture.httpusesservice.adapter.http;

import io.demanager.archfixture.httpusesservice.application.service.GetThingService;

/** Breaks the rule: the HTTP adapter builds and calls a service instead of being given its use case. */
public final class ThingRoutes {

    private final GetThingService service = new GetThingService();

    public String get(String id) {
        return service.get(id);
    }
}
