package io.demanager.domain.instance;

import io.demanager.domain.error.DomainError;
import io.demanager.domain.error.InstanceAttribute;
import io.vavr.control.Either;
import io.vavr.control.Option;

/** An {@link Identifier}, unique among a project's live instances. */
public record InstanceName(String value) {

    private static final InstanceAttribute ATTRIBUTE = InstanceAttribute.NAME;

    public InstanceName {
        problemWith(value).peek(problem -> {
            throw new IllegalArgumentException("not an instance name: " + problem);
        });
    }

    public static Either<DomainError, InstanceName> of(String value) {
        return problemWith(value).toLeft(() -> new InstanceName(value));
    }

    private static Option<DomainError> problemWith(String value) {
        if (value == null) {
            return Option.some(new DomainError.RequiredProperty(ATTRIBUTE));
        }
        if (value.isEmpty() || value.length() > Identifier.MAX_LENGTH) {
            return Option.some(new DomainError.IncorrectValue(ATTRIBUTE));
        }
        return Option.ofOptional(value.chars()
                .filter(c -> !Identifier.isAllowed((char) c))
                .mapToObj(c -> (DomainError) new DomainError.CharacterNotAllowed(ATTRIBUTE, (char) c))
                .findFirst());
    }

    @Override
    public String toString() {
        return value;
    }
}
