package io.demanager.application.port.in;

import io.demanager.domain.instance.InstanceCreation;

import java.util.Objects;

/** Create an instance as requested; the rules are the domain's {@link InstanceCreation}. */
public record CreateInstanceCommand(InstanceCreation.Request request) {

    public CreateInstanceCommand {
        Objects.requireNonNull(request, "request");
    }
}
