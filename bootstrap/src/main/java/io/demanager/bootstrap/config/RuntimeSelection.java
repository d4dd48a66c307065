package io.demanager.bootstrap.config;

import io.demanager.adapter.runtime.kubernetes.KubernetesRuntimeSettings;
import io.demanager.adapter.runtime.process.ProcessRuntimeSettings;
import io.demanager.adapter.runtime.simulated.SimulatedRuntimeSettings;
import io.vavr.control.Option;

import java.util.Objects;

/**
 * Which runtime runs the notebooks: the process or the Kubernetes runtime when its settings are present (never both),
 * the simulated one otherwise.
 *
 * @param fallback why the simulated runtime was chosen although none was asked for: logged as a warning at start
 */
public record RuntimeSelection(Option<ProcessRuntimeSettings> process, Option<KubernetesRuntimeSettings> kubernetes,
                               SimulatedRuntimeSettings simulated, Option<String> fallback) {

    public enum Kind { PROCESS, KUBERNETES, SIMULATED }

    public RuntimeSelection {
        Objects.requireNonNull(process, "process");
        Objects.requireNonNull(kubernetes, "kubernetes");
        Objects.requireNonNull(simulated, "simulated");
        Objects.requireNonNull(fallback, "fallback");
        if (process.isDefined() && kubernetes.isDefined()) {
            throw new IllegalArgumentException("one runtime runs the notebooks, not two");
        }
    }

    /** The simulated runtime, asked for. */
    public static RuntimeSelection simulated(SimulatedRuntimeSettings settings) {
        return new RuntimeSelection(Option.none(), Option.none(), settings, Option.none());
    }

    public Kind kind() {
        return process.isDefined() ? Kind.PROCESS : kubernetes.isDefined() ? Kind.KUBERNETES : Kind.SIMULATED;
    }
}
