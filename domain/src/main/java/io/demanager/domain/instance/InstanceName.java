package io.demanager.domain.instance;

import io.demanager.domain.error.DomainError;
import io.vavr.control.Either;
import io.vavr.control.Option;

/** 1 to 64 letters, digits, {@code -} or {@code _}; unique among a project's live instances. */
public record InstanceName(String value) {

    public static final int MAX_LENGTH = 64;
    private static final String FIELD = "name";

    public InstanceName {
        problemWith(value).peek(problem -> {
            throw new IllegalArgumentException(problem.message());
        });
    }

    public static Either<DomainError, InstanceName> of(String value) {
        return problemWith(value).toLeft(() -> new InstanceName(value));
    }

    private static Option<DomainError> problemWith(String value) {
        if (value == null) {
            return Option.some(new DomainError.RequiredProperty(FIELD));
        }
        if (value.isEmpty() || value.length() > MAX_LENGTH) {
            return Option.some(new DomainError.IncorrectValue(FIELD));
        }
        return Option.ofOptional(value.chars()
                .filter(c -> !isAllowed((char) c))
                .mapToObj(c -> (DomainError) new DomainError.CharacterNotAllowed(FIELD, (char) c))
                .findFirst());
    }

    private static boolean isAllowed(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }

    @Override
    public String toString() {
        return value;
    }
}
