package io.demanager.adapter.persistence.postgres;

import io.demanager.application.port.out.InstanceEvents;
import io.demanager.domain.instance.InstanceId;
import io.demanager.domain.instance.LifecycleEvent;
import io.demanager.domain.instance.ProjectId;
import io.vavr.collection.List;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/** The lifecycle events on PostgreSQL: the {@code instance_event} rows the instance writes append. */
public final class PostgresInstanceEvents implements InstanceEvents {

    private static final String SCOPE = " FROM instance_event JOIN instance ON instance.id = instance_event.instance_id"
            + " WHERE instance.project_id = :project_id AND instance.id = :id AND instance.status <> 'DELETED'";

    /** {@code LIMIT NULL} is no limit. */
    private static final String PAGE = "SELECT instance_event.instance_id, instance_event.version, from_status, to_status,"
            + " cause, occurred_at" + SCOPE + " ORDER BY instance_event.version DESC OFFSET :offset LIMIT :limit";

    private static final String COUNT = "SELECT count(*)" + SCOPE;

    private final DatabaseCalls database;
    private final EventRows rows = new EventRows();

    PostgresInstanceEvents(DatabaseCalls database) {
        this.database = database;
    }

    /** The count and the page are read in one snapshot, as a listing's are. */
    @Override
    public EventPage events(ProjectId projectId, InstanceId instanceId, int offset, int limit) {
        return database.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, handle -> {
            long total = handle.createQuery(COUNT)
                    .bind("project_id", projectId.value())
                    .bind("id", instanceId.uuid())
                    .mapTo(Long.class)
                    .one();
            List<LifecycleEvent> page = List.ofAll(handle.createQuery(PAGE)
                    .bind("project_id", projectId.value())
                    .bind("id", instanceId.uuid())
                    .bind("offset", offset)
                    .bindByType("limit", limit == 0 ? null : limit, Integer.class)
                    .map(rows)
                    .list());
            return new EventPage(total, page);
        });
    }
}
