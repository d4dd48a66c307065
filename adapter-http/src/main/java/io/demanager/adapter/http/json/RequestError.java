package io.demanager.adapter.http.json;

import io.demanager.domain.error.DomainError;

/**
 * A request that cannot be read into a command: a value of the wrong JSON type, a missing or unknown field or
 * parameter, a body that is not JSON at all, or a value that breaks a rule of the domain. Fields and parameters
 * are named as the caller wrote them, such as {@code spec.auto_stop.duration} or {@code If-Match}.
 */
public sealed interface RequestError {

    /** Hands this error to the method of {@code cases} for its record; the compiler checks that none is missed. */
    <R> R accept(Cases<R> cases);

    /** One method per case: a new record does not compile until every implementation answers it. */
    interface Cases<R> {
        R on(WrongType error);
        R on(RequiredProperty error);
        R on(IncorrectValue error);
        R on(InvalidPayload error);
        R on(SortFieldNotSupported error);
        R on(BrokenRule error);
    }

    /** A value of the wrong JSON type; {@code expectedType} is e.g. {@code string}, {@code integer}, {@code boolean}. */
    record WrongType(String field, String expectedType) implements RequestError {
        public <R> R accept(Cases<R> cases) { return cases.on(this); }
    }

    record RequiredProperty(String field) implements RequestError {
        public <R> R accept(Cases<R> cases) { return cases.on(this); }
    }

    /** A field or parameter this request does not accept, or a value it cannot take. */
    record IncorrectValue(String field) implements RequestError {
        public <R> R accept(Cases<R> cases) { return cases.on(this); }
    }

    /** The request could not be read at all; {@code reason} says where, for the caller's benefit. */
    record InvalidPayload(String reason) implements RequestError {
        public <R> R accept(Cases<R> cases) { return cases.on(this); }
    }

    record SortFieldNotSupported(String field) implements RequestError {
        public <R> R accept(Cases<R> cases) { return cases.on(this); }
    }

    /** A value read well that a rule of the domain refuses, such as a description with a forbidden character. */
    record BrokenRule(DomainError error) implements RequestError {
        public <R> R accept(Cases<R> cases) { return cases.on(this); }
    }
}
