package io.demanager.archfixture.adapterusesbootstrap.adapter.http;

import io.demanager.archfixture.adapterusesbootstrap.bootstrap.Settings;

/** Breaks the bootstrap rule: an adapter reading the wiring's own settings. */
public final class Routes {

    public int port(Settings settings) {
        return settings.port();
    }
}
