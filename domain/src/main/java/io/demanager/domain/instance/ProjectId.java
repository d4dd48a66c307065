package io.demanager.domain.instance;

import io.demanager.domain.error.DomainError;
import io.vavr.control.Either;

import java.util.Objects;
import java.util.regex.Pattern;

/** The tenant every instance belongs to; every read and write is scoped by it. */
public record ProjectId(String value) {

    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public ProjectId {
        Objects.requireNonNull(value, "value");
        if (!FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("a project id is 1 to 64 letters, digits, '-' or '_'");
        }
    }

    public static Either<DomainError, ProjectId> of(String value) {
        return value != null && FORM.matcher(value).matches()
                ? Either.right(new ProjectId(value))
                : Either.left(new DomainError.IncorrectValue("project_id"));
    }

    @Override
    public String toString() {
        return value;
    }
}
