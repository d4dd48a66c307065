package io.demanager.archfixture.httpusesruntime.adapter.runtime;

public final class Notebooks {

    public String tokenOf(String instance) {
        return instance;
    }
}
