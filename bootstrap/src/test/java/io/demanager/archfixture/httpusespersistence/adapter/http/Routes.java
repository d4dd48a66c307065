package io.demanager.archfixture.httpusespersistence.adapter.http;

import io.demanager.archfixture.httpusespersistence.adapter.persistence.Store;

/** Breaks the adapter rule: the HTTP adapter reaching into the persistence adapter. */
public final class Routes {

    private final Store store = new Store();

    public String get(String id) {
        return store.find(id);
    }
}
