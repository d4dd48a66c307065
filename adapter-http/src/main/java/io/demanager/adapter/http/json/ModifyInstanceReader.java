package io.demanager.adapter.http.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.demanager.application.port.in.InstanceRef;
import io.demanager.application.port.in.ModifyInstanceCommand;
import io.demanager.application.port.in.Principal;
import io.demanager.domain.autostop.AutoStopChange;
import io.demanager.domain.idle.IdleStopChange;
import io.demanager.domain.instance.Description;
import io.vavr.control.Either;
import io.vavr.control.Option;

import static io.vavr.API.For;

/**
 * The modify body: {@code description}, {@code spec.auto_stop} and {@code spec.idle_stop}, every field optional. A top-level
 * {@code auto_stop}, as the SDK's update sends it, is read as {@code spec.auto_stop}; both at once is refused
 * naming the top-level one.
 */
public final class ModifyInstanceReader {

    private static final String TOP_LEVEL_AUTO_STOP = "auto_stop";
    private static final String[] SPEC_FIELDS = {"auto_stop", "idle_stop"};

    private ModifyInstanceReader() {
    }

    public static Either<RequestError, ModifyInstanceCommand> read(ObjectNode body, Principal principal, InstanceRef instance,
                                                                   Option<Long> expectedVersion) {
        return JsonFields.of(body).accepting("description", "spec", TOP_LEVEL_AUTO_STOP).flatMap(fields -> For(
                fields.string("description").flatMap(ModifyInstanceReader::description),
                autoStop(fields),
                fields.object("spec").flatMap(ModifyInstanceReader::idleStopOfSpec)
        ).yield((description, autoStop, idleStop) ->
                new ModifyInstanceCommand(principal, instance, description, autoStop, idleStop, expectedVersion)));
    }

    private static Either<RequestError, Option<Description>> description(Option<String> text) {
        return text.map(value -> Description.of(value).<RequestError>mapLeft(RequestError.BrokenRule::new).map(Option::some))
                .getOrElse(Either.right(Option.none()));
    }

    private static Either<RequestError, AutoStopChange> autoStop(JsonFields body) {
        return body.object("spec").flatMap(ModifyInstanceReader::autoStopOfSpec)
                .flatMap(inSpec -> body.object(TOP_LEVEL_AUTO_STOP).flatMap(atTop -> inSpec.isDefined() && atTop.isDefined()
                        ? Either.<RequestError, Option<JsonFields>>left(new RequestError.IncorrectValue(TOP_LEVEL_AUTO_STOP))
                        : Either.<RequestError, Option<JsonFields>>right(inSpec.orElse(atTop))))
                .flatMap(AutoStopReader::read);
    }

    private static Either<RequestError, Option<JsonFields>> autoStopOfSpec(Option<JsonFields> spec) {
        return spec.map(fields -> fields.accepting(SPEC_FIELDS).flatMap(accepted -> accepted.object("auto_stop")))
                .getOrElse(Either.right(Option.none()));
    }

    private static Either<RequestError, IdleStopChange> idleStopOfSpec(Option<JsonFields> spec) {
        return spec.map(fields -> fields.accepting(SPEC_FIELDS).flatMap(accepted -> accepted.object("idle_stop")))
                .getOrElse(Either.right(Option.none()))
                .flatMap(IdleStopReader::read);
    }
}
