package io.demanager.adapter.http;

/** Thrown by a before-handler to answer {@code failure} at once: no route runs. */
final class RefusedRequest extends RuntimeException {

    private final HttpFailure failure;

    RefusedRequest(HttpFailure failure) {
        super(failure.errorCode(), null, false, false);
        this.failure = failure;
    }

    HttpFailure failure() {
        return failure;
    }
}
