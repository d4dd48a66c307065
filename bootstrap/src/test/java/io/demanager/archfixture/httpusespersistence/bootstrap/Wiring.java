package io.demanager.archfixture.httpusespersistence.bootstrap;

import io.demanager.archfixture.httpusespersistence.adapter.http.InstanceRoutes;
import io.demanager.archfixture.httpusespersistence.adapter.persistence.InstanceTable;

/** Allowed: bootstrap depends on every adapter. */
public final class Wiring {

    private Wiring() {
    }

    public static String describe() {
        return new InstanceRoutes().get("x") + new InstanceTable().find("y");
    }
}
