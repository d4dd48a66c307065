package io.demanager.application.port.in;

import java.util.Objects;

/** @param limit at most this many events; 0 for all */
public record InstanceEventsQuery(Principal principal, InstanceRef instance, int offset, int limit) {

    public InstanceEventsQuery {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(instance, "instance");
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit are not negative");
        }
    }
}
