package io.demanager.archfixture.runtimesknoweachother.adapter.runtime.jupyter;

/** What every runtime may use: the Jupyter calls they all make. */
public final class Kernels {

    public int count(String url) {
        return url.length();
    }
}
