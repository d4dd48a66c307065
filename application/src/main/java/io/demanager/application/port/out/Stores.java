package io.demanager.application.port.out;

import java.util.Objects;

/**
 * The store behind each store port, as the services are wired over them. One object may stand behind several (the
 * in-memory store stands behind all eight), or each port may have a store of its own.
 */
public record Stores(
        InstanceStore instances,
        ActiveInstances activeInstances,
        InstanceEvents events,
        DueLeases dueLeases,
        QueuedInstances queues,
        InstancesInStatus instancesInStatus,
        EventFeed eventFeed,
        ExpiredRetentions expiredRetentions) {

    public Stores {
        Objects.requireNonNull(instances, "instances");
        Objects.requireNonNull(activeInstances, "activeInstances");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(dueLeases, "dueLeases");
        Objects.requireNonNull(queues, "queues");
        Objects.requireNonNull(instancesInStatus, "instancesInStatus");
        Objects.requireNonNull(eventFeed, "eventFeed");
        Objects.requireNonNull(expiredRetentions, "expiredRetentions");
    }
}
