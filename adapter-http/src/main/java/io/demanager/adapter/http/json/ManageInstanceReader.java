package io.demanager.adapter.http.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.demanager.application.port.in.InstanceRef;
import io.demanager.application.port.in.ManageInstanceCommand;
import io.vavr.control.Either;
import io.vavr.control.Option;

/** The action body: {@code {"action": "start" | "stop" | "restart" | "queue" | "dequeue"}}. */
public final class ManageInstanceReader {

    private ManageInstanceReader() {
    }

    public static Either<RequestError, ManageInstanceCommand> read(ObjectNode body, InstanceRef instance,
                                                                   Option<Long> expectedVersion) {
        return JsonFields.of(body).accepting("action")
                .flatMap(fields -> fields.required("action", fields::string))
                .flatMap(text -> ManageInstanceCommand.Action.parse(text).toEither(() -> new RequestError.IncorrectValue("action")))
                .map(action -> new ManageInstanceCommand(instance, action, expectedVersion));
    }
}
