package io.demanager.archfixture.httpusespersistence.bootstrap;

import io.demanager.archfixture.httpusespersistence.adapter.http.Routes;
import io.demanager.archfixture.httpusespersistence.adapter.persistence.Store;

/** Allowed: bootstrap depends on every adapter. */
public final class Wiring {

    private Wiring() {
    }

    public static String describe() {
        return new Routes().get("x") + new Store().find("y");
    }
}
