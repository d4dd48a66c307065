package io.demanager.adapter.http;

import io.demanager.adapter.http.document.ErrorBody;

import java.util.Objects;

/** A refused or failed request as it is answered: an HTTP status and the ModelArts error body. */
public record HttpFailure(int status, String errorCode, String errorMessage) {

    public HttpFailure {
        Objects.requireNonNull(errorCode, "errorCode");
        Objects.requireNonNull(errorMessage, "errorMessage");
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("a failure answers with a 4xx or 5xx status, not " + status);
        }
    }

    public ErrorBody body() {
        return new ErrorBody(errorCode, errorMessage);
    }
}
