package io.demanager.adapter.persistence.postgres;

import io.demanager.application.port.out.ActiveInstances;
import io.demanager.application.port.out.QueuedInstances;
import io.demanager.domain.instance.Instance;
import io.demanager.domain.instance.InstanceStatus;
import io.vavr.collection.List;

/** The free flavors' queues and the capacity their instances hold, on PostgreSQL, across every project. */
public final class PostgresQueues implements QueuedInstances, ActiveInstances {

    static final String COUNT_HOLDING_CAPACITY = "SELECT count(*) FROM instance"
            + " WHERE flavor = :flavor AND status = ANY(:statuses)";

    static final String[] STATUSES_HOLDING_CAPACITY = List.of(InstanceStatus.values())
            .filter(InstanceStatus::holdsCapacity)
            .map(Enum::name)
            .toJavaArray(String[]::new);

    /** Queued rows are never DELETED: only CREATE_QUEUING and START_QUEUING have {@code queued_since} (index {@code instance_queue}). */
    static final String OLDEST_QUEUED = "SELECT " + InstanceRows.NAMES + " FROM instance"
            + " WHERE flavor = :flavor AND queued_since IS NOT NULL ORDER BY queued_since, id LIMIT :limit";

    private final DatabaseCalls database;
    private final InstanceRows rows;

    PostgresQueues(DatabaseCalls database, InstanceRows rows) {
        this.database = database;
        this.rows = rows;
    }

    /** Counted across every project: a free flavor's capacity is shared by all. */
    @Override
    public long countHoldingCapacity(String flavorName) {
        return database.withHandle(handle -> handle.createQuery(COUNT_HOLDING_CAPACITY)
                .bind("flavor", flavorName)
                .bind("statuses", STATUSES_HOLDING_CAPACITY)
                .mapTo(Long.class)
                .one());
    }

    @Override
    public List<Instance> oldestQueued(String flavorName, int limit) {
        return database.withHandle(handle -> List.ofAll(handle.createQuery(OLDEST_QUEUED)
                .bind("flavor", flavorName)
                .bind("limit", limit)
                .map(rows)
                .list()));
    }
}
