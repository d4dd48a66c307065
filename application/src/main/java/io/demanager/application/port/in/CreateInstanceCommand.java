package io.demanager.application.port.in;

import io.demanager.domain.instance.InstanceCreation;

import java.util.Objects;

/**
 * {@code principal} creates an instance as requested, which it owns; the rules are the domain's
 * {@link InstanceCreation}.
 */
public record CreateInstanceCommand(Principal principal, InstanceCreation.Request request) {

    public CreateInstanceCommand {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(request, "request");
        if (!request.owner().equals(principal.user())) {
            throw new IllegalArgumentException("the owner of a new instance is the principal who creates it");
        }
    }
}
