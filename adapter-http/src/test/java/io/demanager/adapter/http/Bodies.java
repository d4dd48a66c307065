package io.demanager.adapter.http;

/** Request bodies and catalog names of the test catalog ({@code http-test-catalog.json}). */
final class Bodies {

    static final String CPU_FLAVOR = "modelarts.vm.cpu.2u";
    static final String CPU_PROFILE = "Python3";
    static final String GPU_FLAVOR = "modelarts.bm.gpu.v100NV32";
    static final String GPU_PROFILE = "Python3-gpu";
    static final String FREE_FLAVOR = "modelarts.vm.cpu.free";
    static final String SOLD_OUT_FLAVOR = "modelarts.vm.cpu.8u";

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
