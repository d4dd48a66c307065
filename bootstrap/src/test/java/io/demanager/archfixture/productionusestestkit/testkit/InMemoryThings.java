package io.demanager.archfixture.productionusestestkit.testkit;

public final class InMemoryThings {

    public int count() {
        return 0;
    }
}
