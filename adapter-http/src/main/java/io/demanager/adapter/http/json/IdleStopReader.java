package io.demanager.adapter.http.json;

import io.demanager.domain.idle.IdleStopChange;
import io.vavr.control.Either;
import io.vavr.control.Option;

import static io.vavr.API.For;

/** {@code spec.idle_stop} of a create or modify body: {@code enable} and {@code idle_seconds}, each optional. */
final class IdleStopReader {

    private IdleStopReader() {
    }

    static Either<RequestError, IdleStopChange> read(Option<JsonFields> idleStop) {
        return idleStop
                .map(fields -> fields.accepting("enable", "idle_seconds").flatMap(accepted -> For(
                        accepted.bool("enable"),
                        accepted.integer("idle_seconds")
                ).yield(IdleStopChange::new)))
                .getOrElse(Either.right(IdleStopChange.NONE));
    }
}
