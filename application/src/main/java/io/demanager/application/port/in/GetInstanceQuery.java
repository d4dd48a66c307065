package io.demanager.application.port.in;

import java.util.Objects;

public record GetInstanceQuery(Principal principal, InstanceRef instance) {

    public GetInstanceQuery {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(instance, "instance");
    }
}
