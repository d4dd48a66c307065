package io.demanager.domain.instance;

import io.demanager.domain.error.DomainError;
import io.demanager.domain.error.InstanceAttribute;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.util.Objects;

/** A dedicated resource pool ({@value #TYPE}) owned by a project. Shared pools are not shown. */
public record Pool(PoolId id, String name, ProjectId owner) {

    public static final String TYPE = "USER_DEFINED";

    public Pool {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(owner, "owner");
    }

    /** The pool a request names; without a name of its own, it is called by its id. */
    public static Pool named(PoolId id, Option<String> name, ProjectId owner) {
        return new Pool(id, name.getOrElse(id.value()), owner);
    }

    /** Only a dedicated pool can be named: its type is {@value #TYPE}. */
    public static Either<DomainError, String> checkType(String type) {
        return TYPE.equals(type) ? Either.right(type) : Either.left(new DomainError.IncorrectValue(InstanceAttribute.POOL_TYPE));
    }
}
