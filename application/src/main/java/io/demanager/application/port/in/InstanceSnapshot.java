package io.demanager.application.port.in;

import io.demanager.domain.instance.Instance;
import io.vavr.control.Option;

import java.time.Instant;
import java.util.Objects;

/**
 * An instance as a use case answers it, with the moment it was read so that time left can be shown, and for a free
 * flavor its queue as it was then.
 *
 * @param flavorQueue   the queue of the instance's flavor, when it is free and the use case read it
 * @param queuePosition where the instance stands in that queue, while it waits there
 */
public record InstanceSnapshot(Instance instance, Instant takenAt, Option<FreeFlavorQueue> flavorQueue,
                               Option<QueuePosition> queuePosition) {

    public InstanceSnapshot {
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(takenAt, "takenAt");
        Objects.requireNonNull(flavorQueue, "flavorQueue");
        Objects.requireNonNull(queuePosition, "queuePosition");
    }

    /** The instance without its flavor's queue. */
    public InstanceSnapshot(Instance instance, Instant takenAt) {
        this(instance, takenAt, Option.none(), Option.none());
    }

    /** Seconds left before auto stop: only while RUNNING with a lease. */
    public Option<Long> remainTimeSeconds() {
        return instance.remainingSeconds(takenAt);
    }
}
