package io.demanager.bootstrap.config;

import io.demanager.adapter.runtime.process.ProcessRuntimeSettings;
import io.demanager.adapter.runtime.simulated.SimulatedRuntimeSettings;
import io.vavr.control.Option;

import java.util.Objects;

/**
 * Which runtime runs the notebooks: the process runtime when its settings are present, the simulated one otherwise.
 *
 * @param fallback why the simulated runtime was chosen although none was asked for: logged as a warning at start
 */
public record RuntimeSelection(Option<ProcessRuntimeSettings> process, SimulatedRuntimeSettings simulated,
                               Option<String> fallback) {

    public enum Kind { PROCESS, SIMULATED }

    public RuntimeSelection {
        Objects.requireNonNull(process, "process");
        Objects.requireNonNull(simulated, "simulated");
        Objects.requireNonNull(fallback, "fallback");
    }

    /** The simulated runtime, asked for. */
    public static RuntimeSelection simulated(SimulatedRuntimeSettings settings) {
        return new RuntimeSelection(Option.none(), settings, Option.none());
    }

    public Kind kind() {
        return process.isDefined() ? Kind.PROCESS : Kind.SIMULATED;
    }
}
