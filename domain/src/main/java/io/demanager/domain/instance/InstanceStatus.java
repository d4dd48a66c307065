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
}
