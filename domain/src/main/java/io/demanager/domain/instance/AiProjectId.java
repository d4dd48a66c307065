package io.demanager.domain.instance;

import io.demanager.domain.error.DomainError;
import io.demanager.domain.error.InstanceAttribute;
import io.vavr.control.Either;

/** The AI project an instance belongs to; {@link Instance#DEFAULT_AI_PROJECT} unless the create request names one. An {@link Identifier}. */
public record AiProjectId(String value) {

    public AiProjectId {
        Identifier.require(value, "an AI project id");
    }

    public static Either<DomainError, AiProjectId> of(String value) {
        return Identifier.parse(value, InstanceAttribute.AI_PROJECT, AiProjectId::new);
    }

    @Override
    public String toString() {
        return value;
    }
}
