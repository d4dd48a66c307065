package io.demanager.archfixture.runtimesknoweachother.adapter.runtime.process;

import io.demanager.archfixture.runtimesknoweachother.adapter.runtime.jupyter.Kernels;

/** A runtime that uses the shared Jupyter calls, as it may. */
public final class Processes {

    private final Kernels kernels = new Kernels();

    public String addressOf(String instance) {
        return "http://127.0.0.1/" + instance + "/" + kernels.count(instance);
    }
}
