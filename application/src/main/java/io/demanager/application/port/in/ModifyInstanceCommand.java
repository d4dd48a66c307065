package io.demanager.application.port.in;

import io.demanager.domain.autostop.AutoStopChange;
import io.demanager.domain.instance.Description;
import io.vavr.control.Option;

import java.util.Objects;

/**
 * Change what is given and leave the rest.
 *
 * @param expectedVersion the version the caller last saw (If-Match); none to change whatever is current
 */
public record ModifyInstanceCommand(
        Principal principal,
        InstanceRef instance,
        Option<Description> description,
        AutoStopChange autoStop,
        Option<Long> expectedVersion) {

    public ModifyInstanceCommand {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(autoStop, "autoStop");
        Objects.requireNonNull(expectedVersion, "expectedVersion");
    }
}
