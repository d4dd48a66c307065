package io.demanager.application.port.in;

import io.vavr.control.Option;

import java.util.Objects;

/**
 * Make the running lease of {@code instance} end {@code durationSeconds} from now, as {@code principal} asks.
 *
 * @param expectedVersion the version the caller last saw (If-Match); none to renew whatever is current
 */
public record RenewLeaseCommand(Principal principal, InstanceRef instance, long durationSeconds, Option<Long> expectedVersion) {

    public RenewLeaseCommand {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(expectedVersion, "expectedVersion");
    }
}
