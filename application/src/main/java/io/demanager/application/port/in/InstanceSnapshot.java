package io.demanager.application.port.in;

import io.demanager.domain.instance.Instance;
import io.vavr.control.Option;

import java.time.Instant;

/** An instance as a use case answers it, with the moment it was read so that time left can be shown. */
public record InstanceSnapshot(Instance instance, Instant takenAt) {

    /** Seconds left before auto stop: only while RUNNING with a lease. */
    public Option<Long> remainTimeSeconds() {
        return instance.remainingSeconds(takenAt);
    }
}
