package io.demanager.archfixture.httpusespersistence.adapter.persistence;

public final class InstanceTable {

    public String find(String id) {
        return id;
    }
}
