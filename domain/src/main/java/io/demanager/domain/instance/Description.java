package io.demanager.domain.instance;

import io.demanager.domain.error.DomainError;
import io.vavr.control.Either;
import io.vavr.control.Option;

/** At most 512 characters, none of {@code & < > " ' /}. The same rules hold on create and modify. */
public record Description(String value) {

    public static final int MAX_LENGTH = 512;
    public static final Description EMPTY = new Description("");
    private static final String FORBIDDEN = "&<>\"'/";
    private static final String FIELD = "description";

    public Description {
        problemWith(value).peek(problem -> {
            throw new IllegalArgumentException(problem.message());
        });
    }

    public static Either<DomainError, Description> of(String value) {
        return problemWith(value).toLeft(() -> new Description(value));
    }

    private static Option<DomainError> problemWith(String value) {
        if (value == null) {
            return Option.some(new DomainError.RequiredProperty(FIELD));
        }
        if (value.length() > MAX_LENGTH) {
            return Option.some(new DomainError.IncorrectValue(FIELD));
        }
        return Option.ofOptional(value.chars()
                .filter(c -> FORBIDDEN.indexOf(c) >= 0)
                .mapToObj(c -> (DomainError) new DomainError.CharacterNotAllowed(FIELD, (char) c))
                .findFirst());
    }

    @Override
    public String toString() {
        return value;
    }
}
