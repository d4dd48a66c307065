package io.demanager.adapter.http;

/** Whether the server can do its work now: what {@code GET /health/ready} answers. */
@FunctionalInterface
public interface Readiness {

    /** Answers quickly (within a couple of seconds) even when what it checks does not answer at all. */
    boolean isReady();
}
