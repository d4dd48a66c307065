package io.demanager.adapter.http.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.demanager.application.port.in.InstanceRef;
import io.demanager.application.port.in.InstanceActionCommand;
import io.demanager.application.port.in.Principal;
import io.vavr.control.Either;
import io.vavr.control.Option;

/** The action body: {@code {"action": "start" | "stop" | "restart" | "queue" | "dequeue"}}. */
public final class InstanceActionReader {

    private InstanceActionReader() {
    }

    public static Either<RequestError, InstanceActionCommand> read(ObjectNode body, Principal principal, InstanceRef instance,
                                                                   Option<Long> expectedVersion) {
        return JsonFields.of(body).accepting("action")
                .flatMap(fields -> fields.required("action", fields::string))
                .flatMap(text -> InstanceActionCommand.Action.parse(text).toEither(() -> new RequestError.IncorrectValue("action")))
                .map(action -> new InstanceActionCommand(principal, instance, action, expectedVersion));
    }
}
