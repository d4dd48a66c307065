package io.demanager.archfixture.runtimeusespersistence.adapter.persistence;

public final class NotebookRows {

    public String processIdOf(String instance) {
        return instance;
    }
}
