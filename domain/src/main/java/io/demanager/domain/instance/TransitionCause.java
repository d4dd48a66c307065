package io.demanager.domain.instance;

/** Why an instance changed status: what its lifecycle events record, so that a user can see why it stopped. */
public enum TransitionCause {
    /** The user asked: create, start, stop, restart, queue, dequeue or delete. */
    USER_REQUEST,
    /** The auto-stop engine stopped a run whose lease had run out. */
    AUTO_STOP,
    /** The runtime reported work done, or a free flavor's queue moved on. */
    RUNTIME_PROGRESS,
    /** The runtime reported a failure: creation or start failed, or a running notebook became unavailable. */
    FAILURE;

    /** The cause of the change a runtime event makes. */
    public static TransitionCause of(RuntimeEvent event) {
        return event instanceof RuntimeEvent.Failure ? FAILURE : RUNTIME_PROGRESS;
    }
}
