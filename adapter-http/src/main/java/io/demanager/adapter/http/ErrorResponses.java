package io.demanager.adapter.http;

import io.demanager.domain.error.DomainError;
import io.demanager.domain.error.ErrorCode;

/**
 * The one place that decides how a failure is answered: the HTTP status of every domain error code, and the
 * failures that only the HTTP layer knows (no such route, wrong method, oversized body, a bug).
 * Every one of them is answered with the body {@code {"error_code": ..., "error_message": ...}}.
 */
public final class ErrorResponses {

    public static final int MAX_BODY_BYTES = 64 * 1024;

    /** Seconds a client waits before trying again after a 503: long enough for a pool to reconnect. */
    public static final int RETRY_AFTER_SECONDS = 1;

    private static final String PARAMETER_ERROR = "ModelArts.0104";
    private static final String INVALID_PAYLOAD = ErrorCode.INVALID_PAYLOAD.code();

    private ErrorResponses() {
    }

    public static HttpFailure of(DomainError error) {
        return new HttpFailure(statusOf(error.code()), error.code().code(), error.message());
    }

    /**
     * The contract files every DevEnviron code under 400, "does not exist" included, for compatibility.
     * Only a stale {@code If-Match} differs: it is the HTTP precondition that failed.
     */
    static int statusOf(ErrorCode code) {
        return switch (code) {
            case VERSION_MISMATCH -> 412;
            case INSTANCE_ALREADY_EXISTS, SORT_FIELD_NOT_SUPPORTED, STOP_BEFORE_DELETING, ALREADY_RUNNING,
                    INSTANCE_STARTING, ALREADY_STOPPED, INSTANCE_STOPPING, INSTANCE_NOT_FOUND, PATH_MUST_END_WITH_SLASH,
                    FLAVOR_NOT_SUPPORTED, NOT_RUNNING, FLAVOR_SOLD_OUT, PROFILE_DOES_NOT_MATCH_FLAVOR,
                    EVS_VOLUME_SIZE_OUT_OF_RANGE, WRONG_TYPE, CHARACTER_NOT_ALLOWED, REQUIRED_PROPERTY, INCORRECT_VALUE,
                    DURATION_REQUIRED, DURATION_OUT_OF_RANGE, OPERATION_NOT_ALLOWED, BUCKET_ROOT_NOT_ALLOWED,
                    INVALID_PAYLOAD -> 400;
        };
    }

    public static HttpFailure routeNotFound() {
        return new HttpFailure(404, PARAMETER_ERROR, "Parameter error. No API matches the request path.");
    }

    public static HttpFailure methodNotAllowed() {
        return new HttpFailure(405, PARAMETER_ERROR, "Parameter error. The request method is not allowed on this path.");
    }

    /** A header that would make the request mean another method than the one it was sent with. */
    public static HttpFailure methodOverride(String header) {
        return new HttpFailure(400, PARAMETER_ERROR,
                "Parameter error. The header " + header + " is not supported: send the request with the method it means.");
    }

    public static HttpFailure payloadTooLarge() {
        return new HttpFailure(413, INVALID_PAYLOAD,
                ErrorCode.INVALID_PAYLOAD.template() + " The body is larger than " + MAX_BODY_BYTES + " bytes.");
    }

    /** No {@code X-Auth-Token}, or one that names nobody. */
    public static HttpFailure unauthenticated() {
        return new HttpFailure(401, "ModelArts.6620", "Please refresh the user token.");
    }

    /** The token is valid, but not for the project of the request. */
    public static HttpFailure forbidden() {
        return new HttpFailure(403, "ModelArts.6621", "The token does not allow acting in this project.");
    }

    /** The caller already runs as many requests as it may at once: it may try again after {@value #RETRY_AFTER_SECONDS} s. */
    public static HttpFailure tooManyRequests() {
        return busy(429);
    }

    /** The store cannot be reached now: the client may try again after {@value #RETRY_AFTER_SECONDS} s. */
    public static HttpFailure unavailable() {
        return busy(503);
    }

    /** A bug: the caller learns nothing of the fault, which is logged where it is caught. */
    public static HttpFailure internalError() {
        return new HttpFailure(500, "ModelArts.6102", "Internal error.");
    }

    /**
     * A status the web server chose before any route ran (an unreadable request line, a path it refuses, headers
     * that are too large, an HTTP version it does not speak, too much load), answered in the API's error format.
     */
    public static HttpFailure forServerStatus(int status) {
        return switch (status) {
            case 404 -> routeNotFound();
            case 405 -> methodNotAllowed();
            case 413 -> payloadTooLarge();
            case 429, 503 -> busy(status);
            case 500 -> internalError();
            default -> new HttpFailure(status, PARAMETER_ERROR, "Parameter error. The request cannot be read.");
        };
    }

    private static HttpFailure busy(int status) {
        return new HttpFailure(status, "ModelArts.6101", "The system is busy now. Please try again later.");
    }
}
