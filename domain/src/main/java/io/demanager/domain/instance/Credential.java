package io.demanager.domain.instance;

import io.demanager.domain.error.DomainError;
import io.demanager.domain.error.InstanceAttribute;
import io.vavr.control.Either;

import java.util.Objects;

/**
 * The access key and secret key a notebook uses for object storage, neither of them blank. Accepted on create,
 * never shown: {@link #maskedAccessKeyId()} is all that leaves the engine, and {@link #toString()} hides both.
 */
public record Credential(String accessKeyId, String secretAccessKey) {

    public Credential {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        if (accessKeyId.isBlank() || secretAccessKey.isBlank()) {
            throw new IllegalArgumentException("neither key of a credential is blank");
        }
    }

    /** {@code text} as an access key id, or 6336 naming it if it is blank. */
    public static Either<DomainError, String> accessKeyId(String text) {
        return nonBlank(text, InstanceAttribute.ACCESS_KEY);
    }

    /** {@code text} as a secret access key, or 6336 naming it if it is blank. */
    public static Either<DomainError, String> secretAccessKey(String text) {
        return nonBlank(text, InstanceAttribute.SECRET_KEY);
    }

    /** The first four characters of the access key id, then {@code ****}. */
    public String maskedAccessKeyId() {
        return accessKeyId.substring(0, Math.min(4, accessKeyId.length())) + "****";
    }

    @Override
    public String toString() {
        return "Credential[accessKeyId=" + maskedAccessKeyId() + ", secretAccessKey=****]";
    }

    private static Either<DomainError, String> nonBlank(String text, InstanceAttribute attribute) {
        return text.isBlank() ? Either.left(new DomainError.IncorrectValue(attribute)) : Either.right(text);
    }
}
