package io.demanager.archfixture.good.adapter.runtime.local;

import io.demanager.archfixture.good.adapter.runtime.jupyter.ThingProbe;

/** A runtime of its own, which uses only what the runtimes share. */
public final class LocalThingRunner {

    private final ThingProbe probe = new ThingProbe();

    public boolean runs(String id) {
        return probe.answers(id);
    }
}
