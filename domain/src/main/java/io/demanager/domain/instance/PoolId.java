package io.demanager.domain.instance;

import io.demanager.domain.error.DomainError;
import io.demanager.domain.error.InstanceAttribute;
import io.vavr.control.Either;

/** A dedicated resource pool. An {@link Identifier}. */
public record PoolId(String value) {

    public PoolId {
        Identifier.require(value, "a pool id");
    }

    public static Either<DomainError, PoolId> of(String value) {
        return Identifier.parse(value, InstanceAttribute.POOL, PoolId::new);
    }

    @Override
    public String toString() {
        return value;
    }
}
