package io.demanager.domain.error;

import java.util.List;

/**
 * An expected failure of a business rule, returned (never thrown) by the domain and the use cases.
 * Each case is a record that names what went wrong; {@link #code()} gives its ModelArts code and
 * {@link #arguments()} fill that code's message template.
 */
public sealed interface DomainError {

    ErrorCode code();

    default List<Object> arguments() {
        return List.of();
    }

    default String message() {
        return code().render(arguments());
    }

    record InstanceAlreadyExists(String name) implements DomainError {
        public ErrorCode code() { return ErrorCode.INSTANCE_ALREADY_EXISTS; }
    }

    record SortFieldNotSupported(String field) implements DomainError {
        public ErrorCode code() { return ErrorCode.SORT_FIELD_NOT_SUPPORTED; }
    }

    record StopBeforeDeleting() implements DomainError {
        public ErrorCode code() { return ErrorCode.STOP_BEFORE_DELETING; }
    }

    record AlreadyRunning() implements DomainError {
        public ErrorCode code() { return ErrorCode.ALREADY_RUNNING; }
    }

    record InstanceStarting() implements DomainError {
        public ErrorCode code() { return ErrorCode.INSTANCE_STARTING; }
    }

    record AlreadyStopped() implements DomainError {
        public ErrorCode code() { return ErrorCode.ALREADY_STOPPED; }
    }

    record InstanceStopping() implements DomainError {
        public ErrorCode code() { return ErrorCode.INSTANCE_STOPPING; }
    }

    record InstanceNotFound(String instanceId) implements DomainError {
        public ErrorCode code() { return ErrorCode.INSTANCE_NOT_FOUND; }
    }

    record PathMustEndWithSlash(String field) implements DomainError {
        public ErrorCode code() { return ErrorCode.PATH_MUST_END_WITH_SLASH; }
    }

    record FlavorNotSupported(String flavor) implements DomainError {
        public ErrorCode code() { return ErrorCode.FLAVOR_NOT_SUPPORTED; }
    }

    record NotRunning() implements DomainError {
        public ErrorCode code() { return ErrorCode.NOT_RUNNING; }
    }

    record FlavorSoldOut(String flavor) implements DomainError {
        public ErrorCode code() { return ErrorCode.FLAVOR_SOLD_OUT; }
    }

    record ProfileDoesNotMatchFlavor(String profileId, String flavor) implements DomainError {
        public ErrorCode code() { return ErrorCode.PROFILE_DOES_NOT_MATCH_FLAVOR; }
    }

    record EvsVolumeSizeOutOfRange(int requestedGigabytes) implements DomainError {
        public ErrorCode code() { return ErrorCode.EVS_VOLUME_SIZE_OUT_OF_RANGE; }
    }

    /** A value of the wrong JSON type; {@code expectedType} is e.g. {@code string}, {@code integer}, {@code boolean}. */
    record WrongType(String field, String expectedType) implements DomainError {
        public ErrorCode code() { return ErrorCode.WRONG_TYPE; }
        public List<Object> arguments() { return List.of(field, expectedType); }
    }

    record CharacterNotAllowed(String field, char character) implements DomainError {
        public ErrorCode code() { return ErrorCode.CHARACTER_NOT_ALLOWED; }
        public List<Object> arguments() { return List.of(character); }
    }

    record RequiredProperty(String field) implements DomainError {
        public ErrorCode code() { return ErrorCode.REQUIRED_PROPERTY; }
        public List<Object> arguments() { return List.of(field); }
    }

    record IncorrectValue(String field) implements DomainError {
        public ErrorCode code() { return ErrorCode.INCORRECT_VALUE; }
        public List<Object> arguments() { return List.of(field); }
    }

    record DurationRequired() implements DomainError {
        public ErrorCode code() { return ErrorCode.DURATION_REQUIRED; }
    }

    record DurationOutOfRange(long minSeconds, long maxSeconds) implements DomainError {
        public ErrorCode code() { return ErrorCode.DURATION_OUT_OF_RANGE; }
        public List<Object> arguments() { return List.of(minSeconds, maxSeconds); }
    }

    /** A request that the instance's status does not allow, or that lost a race to a conflicting one. */
    record OperationNotAllowed(String status, String operation) implements DomainError {
        public ErrorCode code() { return ErrorCode.OPERATION_NOT_ALLOWED; }
    }

    /** The caller named a version (for example with If-Match) that is no longer the current one. */
    record VersionMismatch(long expectedVersion, long currentVersion) implements DomainError {
        public ErrorCode code() { return ErrorCode.VERSION_MISMATCH; }
        public List<Object> arguments() { return List.of(expectedVersion); }
    }

    record BucketRootNotAllowed(String path) implements DomainError {
        public ErrorCode code() { return ErrorCode.BUCKET_ROOT_NOT_ALLOWED; }
    }

    /** No credentials, or credentials that name nobody (or no longer anybody). */
    record Unauthenticated() implements DomainError {
        public ErrorCode code() { return ErrorCode.UNAUTHENTICATED; }
    }

    /** The caller may not act in the project it named at all (a project id that cannot exist included). */
    record ProjectNotAllowed(String project) implements DomainError {
        public ErrorCode code() { return ErrorCode.PROJECT_NOT_ALLOWED; }
    }

    /** The caller may act in the project, but is not granted {@code permission} (for example {@code update}) there. */
    record PermissionNotGranted(String permission) implements DomainError {
        public ErrorCode code() { return ErrorCode.PERMISSION_NOT_GRANTED; }
        public List<Object> arguments() { return List.of(permission); }
    }

    /** The request could not be read at all; {@code reason} says where, for the caller's benefit. */
    record InvalidPayload(String reason) implements DomainError {
        public ErrorCode code() { return ErrorCode.INVALID_PAYLOAD; }
        public String message() { return code().template() + " " + reason; }
    }
}
