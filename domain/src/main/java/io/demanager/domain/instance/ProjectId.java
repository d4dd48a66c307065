package io.demanager.domain.instance;

import io.demanager.domain.error.DomainError;
import io.demanager.domain.error.InstanceAttribute;
import io.vavr.control.Either;

/** The tenant every instance belongs to; every read and write is scoped by it. An {@link Identifier}. */
public record ProjectId(String value) {

    public ProjectId {
        Identifier.require(value, "a project id");
    }

    public static Either<DomainError, ProjectId> of(String value) {
        return Identifier.parse(value, InstanceAttribute.PROJECT, ProjectId::new);
    }

    @Override
    public String toString() {
        return value;
    }
}
