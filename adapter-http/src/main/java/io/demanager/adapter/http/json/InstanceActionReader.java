package io.demanager.adapter.http.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.demanager.application.port.in.InstanceRef;
import io.demanager.application.port.in.InstanceActionCommand;
import io.demanager.application.port.in.Principal;
import io.demanager.domain.error.DomainError;
import io.vavr.control.Either;
import io.vavr.control.Option;

/** The action body: {@code {"action": "start" | "stop" | "restart" | "queue" | "dequeue"}}. */
public final class InstanceActionReader {

    private InstanceActionReader() {
    }

    public static Either<DomainError, InstanceActionCommand> read(ObjectNode body, Principal principal, InstanceRef instance,
                                                                  Option<Long> expectedVersion) {
        return JsonFields.of(body).accepting("action")
                .flatMap(fields -> fields.required("action", fields::string))
                .flatMap(InstanceActionCommand.Action::parse)
                .map(action -> new InstanceActionCommand(principal, instance, action, expectedVersion));
    }
}
