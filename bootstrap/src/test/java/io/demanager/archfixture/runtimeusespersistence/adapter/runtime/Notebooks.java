package io.demanager.archfixture.runtimeusespersistence.adapter.runtime;

import io.demanager.archfixture.runtimeusespersistence.adapter.persistence.NotebookRows;

/** Breaks the rule: a runtime adapter that reads the database behind the application's back. */
public final class Notebooks {

    private final NotebookRows rows = new NotebookRows();

    public String processOf(String instance) {
        return rows.processIdOf(instance);
    }
}
