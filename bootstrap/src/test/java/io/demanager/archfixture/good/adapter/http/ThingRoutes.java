package io.demanager.archfixture.good.adapter.http;

import io.demanager.archfixture.good.application.port.in.GetThingUseCase;
import io.javalin.http.Context;

public final class ThingRoutes {

    private final GetThingUseCase getThing;

    public ThingRoutes(GetThingUseCase getThing) {
        this.getThing = getThing;
    }

    public void get(Context context) {
        var query = new GetThingUseCase.ThingQuery(context.pathParam("id"), GetThingUseCase.Freshness.ANY);
        context.result(getThing.get(query).map(Object::toString).getOrElse(""));
    }
}
