package io.demanager.adapter.runtime.kubernetes;

import io.demanager.domain.catalog.Flavor;
import io.fabric8.kubernetes.api.model.Quantity;
import io.vavr.Tuple;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.Map;

/**
 * A flavor's {@code params} as Kubernetes resources, asked for and limited to the same amounts so that a notebook
 * gets exactly its flavor: {@code CPU} cores, {@code memory} (the catalog's {@code 8GiB} is Kubernetes' {@code 8Gi}),
 * {@code GPU} as NVIDIA's device plugin names it and {@code NPU} as Huawei's Ascend device plugin does.
 */
final class FlavorResources {

    static final String GPU = "nvidia.com/gpu";
    static final String NPU = "huawei.com/Ascend910";

    /** The catalog's parameter names and the resources they are in Kubernetes. */
    private static final Map<String, String> RESOURCES = LinkedHashMap.of("CPU", "cpu", "memory", "memory", "GPU", GPU, "NPU", NPU);

    private FlavorResources() {
    }

    static Map<String, Quantity> of(Flavor flavor) {
        return RESOURCES.flatMap((param, resource) -> flavor.params().get(param)
                .map(amount -> Tuple.of(resource, new Quantity(amount.toString().replace("iB", "i")))));
    }
}
