package io.demanager.domain.instance;

/** Progress the runtime that runs notebooks reports about an instance. */
public sealed interface RuntimeEvent {

    /** A short name for messages and event logs. */
    default String wireName() {
        return getClass().getSimpleName();
    }

    /** CREATING becomes RUNNING. */
    record Created() implements RuntimeEvent { }

    /** An event that reports a failure, with its reason. */
    sealed interface Failure extends RuntimeEvent {
        FailedReason reason();
    }

    /** CREATING becomes CREATE_FAILED. */
    record CreateFailed(FailedReason reason) implements Failure { }

    /** STARTING or RESTARTING becomes RUNNING. */
    record Started() implements RuntimeEvent { }

    /** STARTING or RESTARTING becomes START_FAILED. */
    record StartFailed(FailedReason reason) implements Failure { }

    /** STOPPING becomes STOPPED. */
    record Stopped() implements RuntimeEvent { }

    /** RUNNING becomes UNAVAILABLE. */
    record Faulted(FailedReason reason) implements Failure { }

    /** A free flavor has room again: CREATE_QUEUING becomes CREATING, START_QUEUING becomes READY_TO_START. */
    record CapacityFreed() implements RuntimeEvent { }

    /** READY_TO_START becomes STARTING. */
    record StartLaunched() implements RuntimeEvent { }
}
