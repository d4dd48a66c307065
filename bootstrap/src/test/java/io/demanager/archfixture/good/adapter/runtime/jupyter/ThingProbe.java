package io.demanager.archfixture.good.adapter.runtime.jupyter;

/** What the runtimes share. */
public final class ThingProbe {

    public boolean answers(String id) {
        return !id.isBlank();
    }
}
