package io.demanager.bootstrap.architecture;

import java.util.List;

/**
 * The parts of the hexagon, each a package below the root; the application module holds three of them, and its
 * test-jar the test kit.
 */
enum Part {
    DOMAIN("domain"),
    DRIVING_PORTS("application.port.in"),
    DRIVEN_PORTS("application.port.out"),
    SERVICES("application.service"),
    HTTP_ADAPTER("adapter.http"),
    PERSISTENCE_ADAPTER("adapter.persistence"),
    RUNTIME_ADAPTER("adapter.runtime"),
    BOOTSTRAP("bootstrap"),
    /** The store test kit: the in-memory store, the store contracts and the test builders, for tests only. */
    TEST_KIT("testkit");

    static final List<Part> ADAPTERS = List.of(HTTP_ADAPTER, PERSISTENCE_ADAPTER, RUNTIME_ADAPTER);

    /** The adapters that drive use cases. */
    static final List<Part> DRIVING_ADAPTERS = List.of(HTTP_ADAPTER);

    private final String packageBelowRoot;

    Part(String packageBelowRoot) {
        this.packageBelowRoot = packageBelowRoot;
    }

    String packageBelow(String root) {
        return root + "." + packageBelowRoot;
    }
}
