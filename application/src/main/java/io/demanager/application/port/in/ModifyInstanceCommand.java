package io.demanager.application.port.in;

import io.demanager.domain.autostop.AutoStopChange;
import io.demanager.domain.idle.IdleStopChange;
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
        IdleStopChange idleStop,
        Option<Long> expectedVersion) {

    public ModifyInstanceCommand {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(autoStop, "autoStop");
        Objects.requireNonNull(idleStop, "idleStop");
        Objects.requireNonNull(expectedVersion, "expectedVersion");
    }

    /** A change that leaves idle stop as it is. */
    public ModifyInstanceCommand(Principal principal, InstanceRef instance, Option<Description> description,
                                 AutoStopChange autoStop, Option<Long> expectedVersion) {
        this(principal, instance, description, autoStop, IdleStopChange.NONE, expectedVersion);
    }
}
