package io.demanager.archfixture.good.bootstrap;

import io.demanager.archfixture.good.adapter.http.ThingRoutes;
import io.demanager.archfixture.good.adapter.persistence.JdbcThingStore;
import io.demanager.archfixture.good.application.service.GetThingService;

import javax.sql.DataSource;

public final class Wiring {

    private Wiring() {
    }

    public static ThingRoutes routes(DataSource dataSource) {
        return new ThingRoutes(new GetThingService(new JdbcThingStore(dataSource)));
    }
}
