package io.demanager.domain.instance;

import io.vavr.control.Option;
import io.vavr.control.Try;

import java.util.Objects;
import java.util.UUID;

/** {@code DE-} followed by a UUID, as the API writes instance ids. */
public record InstanceId(UUID uuid) {

    private static final String PREFIX = "DE-";

    public InstanceId {
        Objects.requireNonNull(uuid, "uuid");
    }

    /** The id written as {@code text}, or none: an id that cannot exist names no instance. */
    public static Option<InstanceId> parse(String text) {
        if (text == null || !text.startsWith(PREFIX) || text.length() != PREFIX.length() + 36) {
            return Option.none();
        }
        return Try.of(() -> UUID.fromString(text.substring(PREFIX.length())))
                .toOption()
                .filter(uuid -> (PREFIX + uuid).equalsIgnoreCase(text))
                .map(InstanceId::new);
    }

    public String value() {
        return PREFIX + uuid;
    }

    @Override
    public String toString() {
        return value();
    }
}
