package io.demanager.domain.instance;

/** Progress the runtime that runs notebooks reports about an instance. */
public sealed interface RuntimeEvent {

    /** A short name for messages and event logs. */
    default String wireName() {
        return getClass().getSimpleName();
    }

    /** An event that reports a notebook now running, with how to open it. */
    sealed interface Launched extends RuntimeEvent {
        NotebookAccess access();
    }

    /** CREATING becomes RUNNING. */
    record Created(NotebookAccess access) implements Launched {
        public Created {
            java.util.Objects.requireNonNull(access, "access");
        }
    }

    /** An event that reports a failure, with its reason. */
    sealed interface Failure extends RuntimeEvent {
        FailedReason reason();
    }

    /** CREATING becomes CREATE_FAILED. */
    record CreateFailed(FailedReason reason) implements Failure { }

    /** STARTING or RESTARTING becomes RUNNING. */
    record Started(NotebookAccess access) implements Launched {
        public Started {
            java.util.Objects.requireNonNull(access, "access");
        }
    }

    /** STARTING or RESTARTING becomes START_FAILED. */
    record StartFailed(FailedReason reason) implements Failure { }

    /** STOPPING becomes STOPPED. */
    record Stopped() implements RuntimeEvent { }

    /** RUNNING becomes UNAVAILABLE. */
    record Faulted(FailedReason reason) implements Failure { }

    /** A free flavor has room again: CREATE_QUEUING becomes CREATING, START_QUEUING becomes READY_TO_START. */
    record CapacityFreed() implements RuntimeEvent { }

    /**
     * What a runtime reports when the notebook it launched for an instance in {@code launchedFrom} answers:
     * {@link Created} for a creation, {@link Started} for a start or a restart.
     */
    static RuntimeEvent launched(InstanceStatus launchedFrom, NotebookAccess access) {
        return launchedFrom == InstanceStatus.CREATING ? new Created(access) : new Started(access);
    }

    /** What a runtime reports when the notebook it launched for an instance in {@code launchedFrom} fails. */
    static RuntimeEvent launchFailed(InstanceStatus launchedFrom, FailedReason reason) {
        return launchedFrom == InstanceStatus.CREATING ? new CreateFailed(reason) : new StartFailed(reason);
    }

    /** READY_TO_START becomes STARTING. */
    record StartLaunched() implements RuntimeEvent { }
}
