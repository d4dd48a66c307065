package io.demanager.domain.instance;

import io.demanager.domain.error.DomainError;
import io.demanager.domain.error.InstanceAttribute;
import io.vavr.control.Either;

/** The workspace an instance belongs to; {@link Instance#DEFAULT_WORKSPACE} unless the create request names one. An {@link Identifier}. */
public record WorkspaceId(String value) {

    public WorkspaceId {
        Identifier.require(value, "a workspace id");
    }

    public static Either<DomainError, WorkspaceId> of(String value) {
        return Identifier.parse(value, InstanceAttribute.WORKSPACE, WorkspaceId::new);
    }

    @Override
    public String toString() {
        return value;
    }
}
