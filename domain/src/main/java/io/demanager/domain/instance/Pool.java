package io.demanager.domain.instance;

import java.util.Objects;

/** A dedicated resource pool ({@code USER_DEFINED}) owned by a project. Shared pools are not shown. */
public record Pool(String id, String name, ProjectId owner) {

    public static final String TYPE = "USER_DEFINED";

    public Pool {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(owner, "owner");
    }
}
