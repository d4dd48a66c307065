package io.demanager.archfixture.httpusespersistence.adapter.http;

import io.demanager.archfixture.httpusespersistence.adapter.persistence.InstanceTable;

/** Breaks the adapter rule: the HTTP adapter reaching into the persistence adapter. */
public final class InstanceRoutes {

    private final InstanceTable table = new InstanceTable();

    public String get(String id) {
        return table.find(id);
    }
}
