package io.demanager.domain.instance;

import io.vavr.control.Option;

import java.time.Instant;
import java.util.Objects;

/**
 * One change of an instance's status, as recorded with the change itself, or an event of its running lease (renewed,
 * ending soon), which keeps the status: from RUNNING to RUNNING.
 *
 * @param from    the status before; none for the creation of the instance
 * @param at      when the change happened: the instance's update time as written
 * @param version the instance's version that the change produced; it orders an instance's events
 */
public record LifecycleEvent(InstanceId instanceId, Option<InstanceStatus> from, InstanceStatus to,
                             TransitionCause cause, Instant at, long version) {

    public LifecycleEvent {
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(at, "at");
        if (from.contains(to) == cause.changesStatus()) {
            throw new IllegalArgumentException("an event of cause " + cause + (cause.changesStatus()
                    ? " records a change of status" : " keeps the status"));
        }
    }

    /**
     * The event of storing {@code written} (at the version it was stored at) over an instance that had status
     * {@code before}, or over nothing for a new instance: none when the status did not change, unless the cause is
     * an event of the lease.
     */
    public static Option<LifecycleEvent> ofWrite(Option<InstanceStatus> before, Instance written, TransitionCause cause) {
        return before.contains(written.status()) == cause.changesStatus() ? Option.none()
                : Option.some(new LifecycleEvent(written.id(), before, written.status(), cause, written.updatedAt(),
                        written.version()));
    }
}
