package io.demanager.domain.instance;

/** The fifteen statuses of a notebook instance, as the API spells them. */
public enum InstanceStatus {
    CREATE_QUEUING,
    CREATING,
    CREATE_FAILED,
    START_QUEUING,
    READY_TO_START,
    STARTING,
    RESTARTING,
    START_FAILED,
    RUNNING,
    STOPPING,
    STOPPED,
    UNAVAILABLE,
    DELETED,
    RESIZING,
    RESIZE_FAILED;

    /** Whether an instance in this status holds a place of its flavor's capacity (it runs, or is about to). */
    public boolean holdsCapacity() {
        return switch (this) {
            case CREATING, READY_TO_START, STARTING, RESTARTING, RUNNING, STOPPING -> true;
            default -> false;
        };
    }

    public boolean isQueued() {
        return this == CREATE_QUEUING || this == START_QUEUING;
    }

    /**
     * Whether an instance in this status is inactive: nothing runs for it and it waits for nothing, so it stays as it
     * is until its user starts or deletes it (stopped, or failed). A free flavor keeps an inactive instance for its
     * store time only.
     */
    public boolean isInactive() {
        return switch (this) {
            case STOPPED, CREATE_FAILED, START_FAILED, UNAVAILABLE, RESIZE_FAILED -> true;
            default -> false;
        };
    }
}
