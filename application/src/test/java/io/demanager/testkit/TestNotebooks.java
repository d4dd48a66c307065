package io.demanager.testkit;

import io.demanager.domain.instance.NotebookAccess;

/** How the notebooks of tests that run none are opened, as a runtime would report it. */
public final class TestNotebooks {

    public static final NotebookAccess ACCESS = new NotebookAccess("http://127.0.0.1:8888/", "test-notebook-token");

    private TestNotebooks() {
    }
}
