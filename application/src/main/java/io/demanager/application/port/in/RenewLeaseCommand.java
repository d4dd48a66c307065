package io.demanager.application.port.in;

import io.vavr.control.Option;

import java.util.Objects;

/**
 * Make the running lease of {@code instance} end {@code durationSeconds} from now.
 *
 * @param expectedVersion the version the caller last saw (If-Match); none to renew whatever is current
 */
public record RenewLeaseCommand(InstanceRef instance, long durationSeconds, Option<Long> expectedVersion) {

    public RenewLeaseCommand {
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(expectedVersion, "expectedVersion");
    }
}
