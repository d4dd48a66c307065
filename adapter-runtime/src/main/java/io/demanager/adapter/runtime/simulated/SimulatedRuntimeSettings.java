package io.demanager.adapter.runtime.simulated;

import io.vavr.collection.HashSet;
import io.vavr.collection.Set;

import java.time.Duration;
import java.util.Objects;

/**
 * How the simulated runtime behaves.
 *
 * @param delay          how long each request (create, start, restart, stop, delete) takes to complete
 * @param failureRate    the chance, from 0 to 1, that a create, start or restart fails
 * @param failingFlavors flavors whose creates, starts and restarts always fail
 */
public record SimulatedRuntimeSettings(Duration delay, double failureRate, Set<String> failingFlavors) {

    /** Requests take a few seconds, like a real cloud's, and never fail. */
    public static final SimulatedRuntimeSettings DEFAULT = new SimulatedRuntimeSettings(Duration.ofSeconds(3), 0, HashSet.empty());

    public SimulatedRuntimeSettings {
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(failingFlavors, "failingFlavors");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("the simulated runtime's delay is not negative, not " + delay);
        }
        if (!(failureRate >= 0 && failureRate <= 1)) {
            throw new IllegalArgumentException("the simulated runtime's failure rate is from 0 to 1, not " + failureRate);
        }
    }
}
