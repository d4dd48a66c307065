package io.demanager.bootstrap;

import io.demanager.adapter.persistence.postgres.PostgresStores;
import io.demanager.application.port.out.ActiveInstances;
import io.demanager.application.port.out.DueLeases;
import io.demanager.application.port.out.InstanceEvents;
import io.demanager.application.port.out.InstanceStore;
import io.demanager.application.port.out.InstancesInStatus;
import io.demanager.application.port.out.QueuedInstances;

import java.util.Objects;

/** The store behind each driven port the application keeps its data through. */
public record Stores(InstanceStore instances, ActiveInstances activeInstances, InstanceEvents events, DueLeases dueLeases,
                     QueuedInstances queued, InstancesInStatus inStatus) {

    public Stores {
        Objects.requireNonNull(instances, "instances");
        Objects.requireNonNull(activeInstances, "activeInstances");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(dueLeases, "dueLeases");
        Objects.requireNonNull(queued, "queued");
        Objects.requireNonNull(inStatus, "inStatus");
    }

    /** The stores of one PostgreSQL database. */
    public static Stores of(PostgresStores postgres) {
        return new Stores(postgres.instances(), postgres.queues(), postgres.events(), postgres.leaseClaims(), postgres.queues(),
                postgres.instances());
    }

    /** One store that offers every port, such as the in-memory store. */
    public static <S extends InstanceStore & ActiveInstances & InstanceEvents & DueLeases & QueuedInstances & InstancesInStatus>
    Stores ofOne(S store) {
        return new Stores(store, store, store, store, store, store);
    }
}
