package io.demanager.archfixture.httpusesruntime.adapter.http;

import io.demanager.archfixture.httpusesruntime.adapter.runtime.Notebooks;

/** Breaks the rule: the HTTP adapter asks the runtime for a token instead of a use case. */
public final class NotebookRoutes {

    private final Notebooks notebooks = new Notebooks();

    public String token(String instance) {
        return notebooks.tokenOf(instance);
    }
}
