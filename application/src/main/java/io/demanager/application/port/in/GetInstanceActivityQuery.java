package io.demanager.application.port.in;

import java.util.Objects;

public record GetInstanceActivityQuery(Principal principal, InstanceRef instance) {

    public GetInstanceActivityQuery {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(instance, "instance");
    }
}
