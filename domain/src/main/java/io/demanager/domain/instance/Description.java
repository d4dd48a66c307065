package io.demanager.domain.instance;

import io.demanager.domain.error.DomainError;
import io.demanager.domain.error.InstanceAttribute;
import io.vavr.control.Either;
import io.vavr.control.Option;

/** At most 512 characters, none of {@code & < > " ' /}. The same rules hold on create and modify. */
public record Description(String value) {

    public static final int MAX_LENGTH = 512;
    public static final Description EMPTY = new Description("");
    private static final String FORBIDDEN = "&<>\"'/";
    private static final InstanceAttribute ATTRIBUTE = InstanceAttribute.DESCRIPTION;

    public Description {
        problemWith(value).peek(problem -> {
            throw new IllegalArgumentException("not a description: " + problem);
        });
    }

    public static Either<DomainError, Description> of(String value) {
        return problemWith(value).toLeft(() -> new Description(value));
    }

    private static Option<DomainError> problemWith(String value) {
        if (value == null) {
            return Option.some(new DomainError.RequiredProperty(ATTRIBUTE));
        }
        if (value.length() > MAX_LENGTH) {
            return Option.some(new DomainError.IncorrectValue(ATTRIBUTE));
        }
        return Option.ofOptional(value.chars()
                .filter(c -> FORBIDDEN.indexOf(c) >= 0)
                .mapToObj(c -> (DomainError) new DomainError.CharacterNotAllowed(ATTRIBUTE, (char) c))
                .findFirst());
    }

    @Override
    public String toString() {
        return value;
    }
}
