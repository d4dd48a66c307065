package io.demanager.application.port.in;

import io.demanager.domain.error.DomainError;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.util.Locale;
import java.util.Objects;

/** @param expectedVersion the version the caller last saw (If-Match); none to act on whatever is current */
public record InstanceActionCommand(Principal principal, InstanceRef instance, Action action, Option<Long> expectedVersion) {

    /** The actions of the {@code action} endpoint (deleting has its own). */
    public enum Action {
        START, STOP, RESTART, QUEUE, DEQUEUE;

        /** {@code start}, {@code stop}, ... as the API writes them; anything else: 6336 naming {@code action}. */
        public static Either<DomainError, Action> parse(String text) {
            return List.of(values())
                    .find(action -> action.name().toLowerCase(Locale.ROOT).equals(text))
                    .toEither(() -> new DomainError.IncorrectValue("action"));
        }
    }

    public InstanceActionCommand {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(expectedVersion, "expectedVersion");
    }
}
