package io.demanager.archfixture.productionusestestkit.bootstrap;

import io.demanager.archfixture.productionusestestkit.testkit.InMemoryThings;

/** Breaks the test kit rule: the server wired over the test kit's in-memory store. */
public final class DemoServer {

    public int things() {
        return new InMemoryThings().count();
    }
}
