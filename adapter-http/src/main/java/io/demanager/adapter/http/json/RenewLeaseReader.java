package io.demanager.adapter.http.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.demanager.application.port.in.InstanceRef;
import io.demanager.application.port.in.Principal;
import io.demanager.application.port.in.RenewLeaseCommand;
import io.vavr.control.Either;
import io.vavr.control.Option;

/** The renew body: {@code {"duration": seconds}}, the only field, required. */
public final class RenewLeaseReader {

    private RenewLeaseReader() {
    }

    public static Either<RequestError, RenewLeaseCommand> read(ObjectNode body, Principal principal, InstanceRef instance,
                                                              Option<Long> expectedVersion) {
        return JsonFields.of(body).accepting("duration")
                .flatMap(fields -> fields.required("duration", fields::integer))
                .map(seconds -> new RenewLeaseCommand(principal, instance, seconds, expectedVersion));
    }
}
