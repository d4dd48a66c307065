package io.demanager.application.port.in;

import io.vavr.collection.List;
import io.vavr.control.Option;

import java.util.Locale;
import java.util.Objects;

/** @param expectedVersion the version the caller last saw (If-Match); none to act on whatever is current */
public record InstanceActionCommand(Principal principal, InstanceRef instance, Action action, Option<Long> expectedVersion) {

    /** The actions of the {@code action} endpoint (deleting has its own). */
    public enum Action {
        START, STOP, RESTART, QUEUE, DEQUEUE;

        /** The action written {@code start}, {@code stop}, ..., or none. */
        public static Option<Action> parse(String text) {
            return List.of(values()).find(action -> action.name().toLowerCase(Locale.ROOT).equals(text));
        }
    }

    public InstanceActionCommand {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(expectedVersion, "expectedVersion");
    }
}
