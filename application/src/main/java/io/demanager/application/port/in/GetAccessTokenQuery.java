package io.demanager.application.port.in;

import java.util.Objects;

public record GetAccessTokenQuery(Principal principal, InstanceRef instance) {

    public GetAccessTokenQuery {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(instance, "instance");
    }
}
