package io.demanager.adapter.http.json;

import io.demanager.domain.autostop.AutoStopChange;
import io.vavr.control.Either;
import io.vavr.control.Option;

import static io.vavr.API.For;

/** {@code spec.auto_stop} of a create or modify body: {@code enable}, {@code duration}, {@code prompt}, each optional. */
final class AutoStopReader {

    private AutoStopReader() {
    }

    static Either<RequestError, AutoStopChange> read(Option<JsonFields> autoStop) {
        return autoStop
                .map(fields -> fields.accepting("enable", "duration", "prompt").flatMap(accepted -> For(
                        accepted.bool("enable"),
                        accepted.integer("duration"),
                        accepted.bool("prompt")
                ).yield(AutoStopChange::new)))
                .getOrElse(Either.right(AutoStopChange.NONE));
    }
}
