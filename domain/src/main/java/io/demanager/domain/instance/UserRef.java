package io.demanager.domain.instance;

import java.util.Objects;

/** The user who owns an instance, as the caller's identity named them. */
public record UserRef(String id, String name) {

    public UserRef {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}
