package io.demanager.adapter.http;

import io.demanager.testkit.SampleCatalog;

/** Request bodies and the names of the test server's catalog ({@link SampleCatalog}). */
final class Bodies {

    static final String CPU_FLAVOR = SampleCatalog.CPU.name();
    static final String CPU_PROFILE = SampleCatalog.CPU_PROFILE.id();
    static final String GPU_FLAVOR = SampleCatalog.GPU.name();
    static final String GPU_PROFILE = SampleCatalog.GPU_PROFILE.id();
    static final String FREE_FLAVOR = SampleCatalog.FREE_CPU.name();
    static final String SOLD_OUT_FLAVOR = SampleCatalog.SOLD_OUT.name();

    private Bodies() {
    }

    /** The smallest valid create body: a paid CPU instance on a 5 GB EVS disk. */
    static String create(String name) {
        return create(name, CPU_FLAVOR, CPU_PROFILE);
    }

    static String create(String name, String flavor, String profile) {
        return """
                {"name": "%s", "profile_id": "%s", "flavor": "%s", "spec": {"storage": {"type": "evs"}}}
                """.formatted(name, profile, flavor);
    }

    static String action(String action) {
        return "{\"action\": \"" + action + "\"}";
    }
}
