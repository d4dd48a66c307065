package io.demanager.adapter.http;

import io.demanager.adapter.http.json.BodyPaths;
import io.demanager.adapter.http.json.RequestError;
import io.demanager.domain.error.DomainError;
import io.demanager.domain.instance.Storage;

import static io.demanager.adapter.http.ModelArtsCode.*;

/**
 * The one place that decides how a failure is answered: the {@link ModelArtsCode}, HTTP status and message of every
 * refusal of the domain and of every request that cannot be read, and the failures only the HTTP layer knows (no
 * such route, wrong method, oversized body, a bug). Every one of them is answered with the body
 * {@code {"error_code": ..., "error_message": ...}}.
 */
public final class ErrorResponses {

    /** Seconds a client waits before trying again after a 503: long enough for a pool to reconnect. */
    public static final int RETRY_AFTER_SECONDS = 1;

    /** The status of a refusal: the contract files every DevEnviron code under 400, "does not exist" included. */
    private static final int REFUSED = 400;

    private ErrorResponses() {
    }

    public static HttpFailure of(DomainError error) {
        return error.accept(DOMAIN_ERRORS);
    }

    public static HttpFailure of(RequestError error) {
        return error.accept(REQUEST_ERRORS);
    }

    private static final DomainError.Cases<HttpFailure> DOMAIN_ERRORS = new DomainError.Cases<>() {
        public HttpFailure on(DomainError.InstanceAlreadyExists error) {
            return refused(INSTANCE_ALREADY_EXISTS, "The instance already exists.");
        }
        public HttpFailure on(DomainError.StopBeforeDeleting error) {
            return refused(STOP_BEFORE_DELETING, "Please stop the instance before deleting.");
        }
        public HttpFailure on(DomainError.AlreadyRunning error) {
            return refused(ALREADY_RUNNING, "The instance is already running.");
        }
        public HttpFailure on(DomainError.InstanceStarting error) {
            return refused(INSTANCE_STARTING, "The instance is starting.");
        }
        public HttpFailure on(DomainError.AlreadyStopped error) {
            return refused(ALREADY_STOPPED, "The instance has already been stopped.");
        }
        public HttpFailure on(DomainError.InstanceStopping error) {
            return refused(INSTANCE_STOPPING, "The instance is stopping.");
        }
        public HttpFailure on(DomainError.InstanceNotFound error) {
            return refused(INSTANCE_NOT_FOUND, "The instance does not exist.");
        }
        public HttpFailure on(DomainError.PathMustEndWithSlash error) {
            return refused(PATH_MUST_END_WITH_SLASH, "The param 'path' needs to end with /.");
        }
        public HttpFailure on(DomainError.FlavorNotSupported error) {
            return refused(FLAVOR_NOT_SUPPORTED, "The flavor is not supported.");
        }
        public HttpFailure on(DomainError.NotRunning error) {
            return refused(NOT_RUNNING, "The instance is not in running. Please refresh the page and start it.");
        }
        public HttpFailure on(DomainError.FlavorSoldOut error) {
            return refused(FLAVOR_SOLD_OUT, "The flavor is sold out.");
        }
        public HttpFailure on(DomainError.ProfileDoesNotMatchFlavor error) {
            return refused(PROFILE_DOES_NOT_MATCH_FLAVOR, "The profile does not match the flavor type.");
        }
        public HttpFailure on(DomainError.EvsVolumeSizeOutOfRange error) {
            return refused(EVS_VOLUME_SIZE_OUT_OF_RANGE,
                    "The EVS volume size ranges from " + Storage.MIN_EVS_GB + " to " + Storage.MAX_EVS_GB + ".");
        }
        public HttpFailure on(DomainError.CharacterNotAllowed error) {
            return refused(CHARACTER_NOT_ALLOWED,
                    "Invalid value for name or description. The character " + error.character() + " is not allowed.");
        }
        public HttpFailure on(DomainError.RequiredProperty error) {
            return of(new RequestError.RequiredProperty(BodyPaths.of(error.attribute())));
        }
        public HttpFailure on(DomainError.IncorrectValue error) {
            return of(new RequestError.IncorrectValue(BodyPaths.of(error.attribute())));
        }
        public HttpFailure on(DomainError.DurationRequired error) {
            return refused(DURATION_REQUIRED, "The 'duration' parameter is mandatory for enabling auto stop.");
        }
        public HttpFailure on(DomainError.DurationOutOfRange error) {
            return refused(DURATION_OUT_OF_RANGE, "The 'duration' parameter is incorrect. The value ranges from "
                    + error.minSeconds() + " to " + error.maxSeconds() + ".");
        }
        public HttpFailure on(DomainError.OutOfRange error) {
            return refused(INCORRECT_VALUE, "'" + BodyPaths.of(error.attribute()) + "' property value is incorrect. The value"
                    + " ranges from " + error.min() + " to " + error.max() + ".");
        }
        public HttpFailure on(DomainError.OperationNotAllowed error) {
            return refused(OPERATION_NOT_ALLOWED, "The operation is not allowed: another operation is in progress"
                    + " or the instance is already in the target state.");
        }
        /** A stale {@code If-Match}: the HTTP precondition that failed. */
        public HttpFailure on(DomainError.VersionMismatch error) {
            return new HttpFailure(412, OPERATION_NOT_ALLOWED.code(), "The instance has changed since version "
                    + error.expectedVersion() + ": read it again before changing it.");
        }
        public HttpFailure on(DomainError.BucketRootNotAllowed error) {
            return refused(BUCKET_ROOT_NOT_ALLOWED, "The path cannot be the root directory of a bucket.");
        }
        /** No {@code X-Auth-Token}, or one that names nobody. */
        public HttpFailure on(DomainError.Unauthenticated error) {
            return new HttpFailure(401, TOKEN_NOT_VALID.code(), "Please refresh the user token.");
        }
        /** The token is valid, but not for the project of the request. */
        public HttpFailure on(DomainError.ProjectNotAllowed error) {
            return new HttpFailure(403, PROJECT_NOT_ALLOWED.code(), "The token does not allow acting in this project.");
        }
        public HttpFailure on(DomainError.PermissionNotGranted error) {
            return new HttpFailure(403, PERMISSION_NOT_GRANTED.code(),
                    "The token does not grant the '" + error.permission() + "' permission in this project.");
        }
    };

    private static final RequestError.Cases<HttpFailure> REQUEST_ERRORS = new RequestError.Cases<>() {
        public HttpFailure on(RequestError.WrongType error) {
            return refused(WRONG_TYPE, "Incorrect parameter type. The '" + error.field() + "' parameter must be of the '"
                    + error.expectedType() + "' type.");
        }
        public HttpFailure on(RequestError.RequiredProperty error) {
            return refused(REQUIRED_PROPERTY, "'" + error.field() + "' is a required property.");
        }
        public HttpFailure on(RequestError.IncorrectValue error) {
            return refused(INCORRECT_VALUE, "'" + error.field() + "' property value is incorrect.");
        }
        public HttpFailure on(RequestError.InvalidPayload error) {
            return refused(INVALID_PAYLOAD, "The request payload is invalid. " + error.reason());
        }
        public HttpFailure on(RequestError.SortFieldNotSupported error) {
            return refused(SORT_FIELD_NOT_SUPPORTED, "The field does not support sorting.");
        }
        public HttpFailure on(RequestError.BrokenRule error) {
            return of(error.error());
        }
    };

    public static HttpFailure routeNotFound() {
        return new HttpFailure(404, PARAMETER_ERROR.code(), "Parameter error. No API matches the request path.");
    }

    public static HttpFailure methodNotAllowed() {
        return new HttpFailure(405, PARAMETER_ERROR.code(), "Parameter error. The request method is not allowed on this path.");
    }

    /** A header that would make the request mean another method than the one it was sent with. */
    public static HttpFailure methodOverride(String header) {
        return new HttpFailure(400, PARAMETER_ERROR.code(),
                "Parameter error. The header " + header + " is not supported: send the request with the method it means.");
    }

    /** A body larger than {@code limitBytes}: an invalid payload, answered 413. */
    public static HttpFailure payloadTooLarge(int limitBytes) {
        HttpFailure invalid = of(new RequestError.InvalidPayload("The body is larger than " + limitBytes + " bytes."));
        return new HttpFailure(413, invalid.errorCode(), invalid.errorMessage());
    }

    /** The caller already runs as many requests as it may at once: it may try again after {@value #RETRY_AFTER_SECONDS} s. */
    public static HttpFailure tooManyRequests() {
        return busy(429);
    }

    /**
     * The store cannot be reached now, or the server is stopping: the client may try again after
     * {@value #RETRY_AFTER_SECONDS} s.
     */
    public static HttpFailure unavailable() {
        return busy(503);
    }

    /** A bug: the caller learns nothing of the fault, which is logged where it is caught. */
    public static HttpFailure internalError() {
        return new HttpFailure(500, INTERNAL_ERROR.code(), "Internal error.");
    }

    /**
     * A status the web server chose before any route ran (an unreadable request line, a path it refuses, headers
     * that are too large, an HTTP version it does not speak, too much load), answered in the API's error format.
     */
    public static HttpFailure forServerStatus(int status) {
        return switch (status) {
            case 404 -> routeNotFound();
            case 405 -> methodNotAllowed();
            case 413 -> payloadTooLarge(RequestBodies.MAX_BODY_BYTES);
            case 429, 503 -> busy(status);
            case 500 -> internalError();
            default -> new HttpFailure(status, PARAMETER_ERROR.code(), "Parameter error. The request cannot be read.");
        };
    }

    private static HttpFailure busy(int status) {
        return new HttpFailure(status, SYSTEM_BUSY.code(), "The system is busy now. Please try again later.");
    }

    private static HttpFailure refused(ModelArtsCode code, String message) {
        return new HttpFailure(REFUSED, code.code(), message);
    }
}
