package io.demanager.domain.instance;

import java.util.Objects;

/**
 * The access key and secret key a notebook uses for object storage. Accepted on create, never shown:
 * {@link #maskedAccessKeyId()} is all that leaves the engine, and {@link #toString()} hides both.
 */
public record Credential(String accessKeyId, String secretAccessKey) {

    public Credential {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
    }

    /** The first four characters of the access key id, then {@code ****}. */
    public String maskedAccessKeyId() {
        return accessKeyId.substring(0, Math.min(4, accessKeyId.length())) + "****";
    }

    @Override
    public String toString() {
        return "Credential[accessKeyId=" + maskedAccessKeyId() + ", secretAccessKey=****]";
    }
}
