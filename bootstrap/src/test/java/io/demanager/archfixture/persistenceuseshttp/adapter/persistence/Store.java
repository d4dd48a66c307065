package io.demanager.archfixture.persistenceuseshttp.adapter.persistence;

import io.demanager.archfixture.persistenceuseshttp.adapter.http.Routes;

/** Breaks the adapter rule: the persistence adapter reaching into the HTTP adapter. */
public final class Store {

    public String keyOf(String id) {
        return Routes.basePath() + "/" + id;
    }
}
