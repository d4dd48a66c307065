package io.demanager.adapter.http;

import java.util.List;

/** Whether the server can do its work now, part by part: what {@code GET /health/ready} answers. */
@FunctionalInterface
public interface Readiness {

    /**
     * Each part the server needs, checked now, in the order to show them. Answers quickly (within a couple of
     * seconds) even when what it checks does not answer at all.
     */
    List<HealthComponent> components();
}
