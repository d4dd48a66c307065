package io.demanager.archfixture.runtimesknoweachother.adapter.runtime.kubernetes;

import io.demanager.archfixture.runtimesknoweachother.adapter.runtime.process.Processes;

/** Breaks the rule: one runtime borrows another's code instead of sharing it through the Jupyter package. */
public final class Pods {

    private final Processes processes = new Processes();

    public String addressOf(String instance) {
        return processes.addressOf(instance);
    }
}
