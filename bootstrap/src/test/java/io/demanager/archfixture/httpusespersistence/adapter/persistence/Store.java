package io.demanager.archfixture.httpusespersistence.adapter.persistence;

public final class Store {

    public String find(String id) {
        return id;
    }
}
