package io.demanager.domain.error;

/**
 * An expected failure of a business rule, returned (never thrown) by the domain and the use cases. Each case is a
 * record that names what went wrong, in the domain's words; how a caller is told (a code, a message, a status) is
 * for the driving adapter to decide, through {@link Cases}.
 */
public sealed interface DomainError {

    /**
     * Hands this error to the method of {@code cases} for its record. Java 17 has no pattern matching in
     * {@code switch}: this is how an adapter answers every case with the compiler checking that none is missed.
     */
    <R> R accept(Cases<R> cases);

    /** One method per case: a new record does not compile until every implementation answers it. */
    interface Cases<R> {
        R on(InstanceAlreadyExists error);
        R on(StopBeforeDeleting error);
        R on(AlreadyRunning error);
        R on(InstanceStarting error);
        R on(AlreadyStopped error);
        R on(InstanceStopping error);
        R on(InstanceNotFound error);
        R on(PathMustEndWithSlash error);
        R on(FlavorNotSupported error);
        R on(NotRunning error);
        R on(FlavorSoldOut error);
        R on(ProfileDoesNotMatchFlavor error);
        R on(EvsVolumeSizeOutOfRange error);
        R on(CharacterNotAllowed error);
        R on(RequiredProperty error);
        R on(IncorrectValue error);
        R on(DurationRequired error);
        R on(DurationOutOfRange error);
        R on(OutOfRange error);
        R on(OperationNotAllowed error);
        R on(VersionMismatch error);
        R on(BucketRootNotAllowed error);
        R on(Unauthenticated error);
        R on(ProjectNotAllowed error);
        R on(PermissionNotGranted error);
    }

    record InstanceAlreadyExists(String name) implements DomainError {
        public <R> R accept(Cases<R> cases) { return cases.on(this); }
    }

    record StopBeforeDeleting() implements DomainError {
        public <R> R accept(Cases<R> cases) { return cases.on(this); }
    }

    record AlreadyRunning() implements DomainError {
        public <R> R accept(Cases<R> cases) { return cases.on(this); }
    }

    record InstanceStarting() implements DomainError {
        public <R> R accept(Cases<R> cases) { return cases.on(this); }
    }

    record AlreadyStopped() implements DomainError {
        public <R> R accept(Cases<R> cases) { return cases.on(this); }
    }

    record InstanceStopping() implements DomainError {
        public <R> R accept(Cases<R> cases) { return cases.on(this); }
    }

    record InstanceNotFound(String instanceId) implements DomainError {
        public <R> R accept(Cases<R> cases) { return cases.on(this); }
    }

    record PathMustEndWithSlash(StorageAttribute path) implements DomainError {
        public <R> R accept(Cases<R> cases) { return cases.on(this); }
    }

    record FlavorNotSupported(String flavor) implements DomainError {
        public <R> R accept(Cases<R> cases) { return cases.on(this); }
    }

    record NotRunning() implements DomainError {
        public <R> R accept(Cases<R> cases) { return cases.on(this); }
    }

    record FlavorSoldOut(String flavor) implements DomainError {
        public <R> R accept(Cases<R> cases) { return cases.on(this); }
    }

    record ProfileDoesNotMatchFlavor(String profileId, String flavor) implements DomainError {
        public <R> R accept(Cases<R> cases) { return cases.on(this); }
    }

    record EvsVolumeSizeOutOfRange(int requestedGigabytes) implements DomainError {
        public <R> R accept(Cases<R> cases) { return cases.on(this); }
    }

    record CharacterNotAllowed(Attribute attribute, char character) implements DomainError {
        public <R> R accept(Cases<R> cases) { return cases.on(this); }
    }

    record RequiredProperty(Attribute attribute) implements DomainError {
        public <R> R accept(Cases<R> cases) { return cases.on(this); }
    }

    record IncorrectValue(Attribute attribute) implements DomainError {
        public <R> R accept(Cases<R> cases) { return cases.on(this); }
    }

    record DurationRequired() implements DomainError {
        public <R> R accept(Cases<R> cases) { return cases.on(this); }
    }

    record DurationOutOfRange(long minSeconds, long maxSeconds) implements DomainError {
        public <R> R accept(Cases<R> cases) { return cases.on(this); }
    }

    /** A number of {@code attribute} outside the bounds in force, {@code min} to {@code max} included. */
    record OutOfRange(Attribute attribute, long min, long max) implements DomainError {
        public <R> R accept(Cases<R> cases) { return cases.on(this); }
    }

    /** A request that the instance's status does not allow, or that lost a race to a conflicting one. */
    record OperationNotAllowed(String status, String operation) implements DomainError {
        public <R> R accept(Cases<R> cases) { return cases.on(this); }
    }

    /** The caller made its change conditional on a version of the instance that is no longer the current one. */
    record VersionMismatch(long expectedVersion, long currentVersion) implements DomainError {
        public <R> R accept(Cases<R> cases) { return cases.on(this); }
    }

    record BucketRootNotAllowed(String path) implements DomainError {
        public <R> R accept(Cases<R> cases) { return cases.on(this); }
    }

    /** No credentials, or credentials that name nobody (or no longer anybody). */
    record Unauthenticated() implements DomainError {
        public <R> R accept(Cases<R> cases) { return cases.on(this); }
    }

    /** The caller may not act in the project it named at all (a project id that cannot exist included). */
    record ProjectNotAllowed(String project) implements DomainError {
        public <R> R accept(Cases<R> cases) { return cases.on(this); }
    }

    /** The caller may act in the project, but is not granted {@code permission} (for example {@code update}) there. */
    record PermissionNotGranted(String permission) implements DomainError {
        public <R> R accept(Cases<R> cases) { return cases.on(this); }
    }
}
