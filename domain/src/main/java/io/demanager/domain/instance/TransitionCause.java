package io.demanager.domain.instance;

/**
 * Why an instance changed status, or what happened to its running lease: what its lifecycle events record, so that
 * a user can see why it stopped and was warned before.
 */
public enum TransitionCause {
    /** The user asked: create, start, stop, restart, queue, dequeue or delete. */
    USER_REQUEST,
    /** The auto-stop engine stopped a run whose lease had run out. */
    AUTO_STOP,
    /** The retention engine deleted a free instance that stayed inactive longer than its flavor's store time. */
    RETENTION,
    /** The runtime reported work done, or a free flavor's queue moved on. */
    RUNTIME_PROGRESS,
    /** The runtime reported a failure: creation or start failed, or a running notebook became unavailable. */
    FAILURE,
    /** The user renewed the running lease: the instance stays RUNNING and stops later. */
    LEASE_RENEWED,
    /** The running lease ends soon: the warning of an instance that asked for one ({@code prompt}); it stays RUNNING. */
    LEASE_ENDING,
    /** The idle-stop engine stopped a run in which nothing happened for its idle time. */
    IDLE,
    /** The run will stop for idleness soon unless something happens in it: the warning; it stays RUNNING. */
    IDLE_ENDING;

    /** Whether events of this cause record a change of status; the lease's events and the idle warning keep it RUNNING. */
    public boolean changesStatus() {
        return this != LEASE_RENEWED && this != LEASE_ENDING && this != IDLE_ENDING;
    }

    /** The cause of the change a runtime event makes. */
    public static TransitionCause of(RuntimeEvent event) {
        return event instanceof RuntimeEvent.Failure ? FAILURE : RUNTIME_PROGRESS;
    }
}
