package io.demanager.adapter.runtime.kubernetes;

import io.vavr.control.Option;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How the Kubernetes runtime runs notebooks.
 *
 * @param namespace      the namespace every notebook's objects are made in; the runtime owns everything it labels there
 * @param registryPrefix put before the catalog's {@code namespace/image_name:image_tag}, e.g. {@code swr.example.com};
 *                       none pulls from the cluster's default registry
 * @param baseUrl        where users open notebooks (an ingress in front of the notebooks' Services), e.g.
 *                       {@code https://notebooks.example.com}; none gives each notebook its Service's address in the
 *                       cluster
 * @param startTimeout   how long a notebook's pod has to become ready before its launch counts as failed
 * @param resyncPeriod   how often every notebook this runtime watches is read again from the API server, so that a
 *                       watch event that never arrived cannot leave an instance waiting
 * @param storageClass   the storage class of the volumes of {@code evs} storage; none takes the cluster's default
 */
public record KubernetesRuntimeSettings(String namespace, Option<String> registryPrefix, Option<String> baseUrl,
                                        Duration startTimeout, Duration resyncPeriod, Option<String> storageClass) {

    public static final String DEFAULT_NAMESPACE = "demanager-notebooks";
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofMinutes(5);
    public static final Duration DEFAULT_RESYNC_PERIOD = Duration.ofSeconds(30);

    /** The client this runtime is built on: demanager-server.jar leaves it out, demanager-server-kubernetes.jar has it. */
    private static final String CLIENT_CLASS = "io.fabric8.kubernetes.client.KubernetesClientBuilder";

    /** A DNS label: what Kubernetes accepts as a namespace name. */
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    public KubernetesRuntimeSettings {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(registryPrefix, "registryPrefix");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(startTimeout, "startTimeout");
        Objects.requireNonNull(resyncPeriod, "resyncPeriod");
        Objects.requireNonNull(storageClass, "storageClass");
        if (!isNamespace(namespace)) {
            throw new IllegalArgumentException("the namespace is a DNS label (lower-case letters, digits, '-'): " + namespace);
        }
        if (baseUrl.exists(url -> !url.startsWith("https://") && !url.startsWith("http://"))) {
            throw new IllegalArgumentException("the notebooks' base URL starts with https:// or http://: " + baseUrl.get());
        }
        if (startTimeout.isNegative() || startTimeout.isZero() || resyncPeriod.isNegative() || resyncPeriod.isZero()) {
            throw new IllegalArgumentException("the start timeout and the resync period are positive");
        }
        registryPrefix = registryPrefix.map(prefix -> prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix);
        baseUrl = baseUrl.map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    }

    /** Whether {@code name} is what Kubernetes accepts as a namespace's name. */
    /** Whether the Kubernetes client is on the class path, so that this runtime can run. */
    public static boolean isClientPackaged() {
        try {
            Class.forName(CLIENT_CLASS, false, KubernetesRuntimeSettings.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException absent) {
            return false;
        }
    }

    public static boolean isNamespace(String name) {
        return DNS_LABEL.matcher(name).matches();
    }
}
