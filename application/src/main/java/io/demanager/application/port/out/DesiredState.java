package io.demanager.application.port.out;

import io.demanager.domain.instance.InstanceStatus;
import io.vavr.control.Option;

/** What the application wants of an instance's notebook. */
public enum DesiredState {

    /** Running and reachable; a creation and a start differ only by the instance's status. */
    RUNNING,
    /** Not running; its files are kept for the next start. */
    STOPPED,
    /** Running again, from a fresh process with a new token. */
    RESTARTED,
    /** Nothing left: not running, its files removed. */
    GONE;

    /** What an instance that has just entered {@code status} needs of the runtime; none for bookkeeping statuses. */
    public static Option<DesiredState> forStatus(InstanceStatus status) {
        // Not a switch: a switch over another enum compiles to a helper class, and a port holds only values.
        if (status == InstanceStatus.CREATING || status == InstanceStatus.STARTING) {
            return Option.some(RUNNING);
        }
        return status == InstanceStatus.RESTARTING ? Option.some(RESTARTED)
                : status == InstanceStatus.STOPPING ? Option.some(STOPPED)
                : status == InstanceStatus.DELETED ? Option.some(GONE)
                : Option.none();
    }
}
