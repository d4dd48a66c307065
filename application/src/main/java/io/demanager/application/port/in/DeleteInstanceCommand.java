package io.demanager.application.port.in;

import io.vavr.control.Option;

import java.util.Objects;

/** @param expectedVersion the version the caller last saw (If-Match); none to delete whatever is current */
public record DeleteInstanceCommand(Principal principal, InstanceRef instance, Option<Long> expectedVersion) {

    public DeleteInstanceCommand {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(expectedVersion, "expectedVersion");
    }
}
