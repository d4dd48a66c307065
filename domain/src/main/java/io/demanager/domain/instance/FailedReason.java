package io.demanager.domain.instance;

import io.vavr.collection.Map;

import java.util.Objects;

/** Why the runtime could not create or start an instance, or why it became unavailable. */
public record FailedReason(String code, String message, Map<String, String> detail) {

    public FailedReason {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(detail, "detail");
    }
}
