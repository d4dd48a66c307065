package io.demanager.adapter.persistence.postgres;

import io.demanager.application.port.out.EventFeed;
import io.demanager.domain.instance.NumberedEvent;
import io.demanager.domain.instance.ProjectId;
import io.vavr.collection.List;
import io.vavr.control.Option;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The events on PostgreSQL in commit order: by the transaction that wrote each one ({@code written_by}), then by
 * number, and only as far as the oldest transaction still running, before which nothing can be committed any more
 * (migration V10). News of written events comes from {@link StoreNotifications}, for every server sharing the database.
 */
public final class PostgresEventFeed implements EventFeed {

    /** Transactions older than this one are all over: their events are all there is before it. */
    private static final String HORIZON = "pg_snapshot_xmin(pg_current_snapshot())";

    private static final String NOW = "SELECT CAST(" + HORIZON + " AS text)";

    private static final String SEEN_BY = " JOIN instance ON instance.id = instance_event.instance_id"
            + " WHERE instance.project_id = :project_id AND (CAST(:owner_id AS text) IS NULL OR instance.owner_id = :owner_id)";

    private static final String POSITION_OF = "SELECT CAST(written_by AS text) FROM instance_event" + SEEN_BY
            + " AND instance_event.id = :event_id AND written_by < " + HORIZON;

    /** What may be read: after the position, before the horizon. */
    private static final String READABLE = " (written_by, instance_event.id) > (CAST(:commit_order AS xid8), :event_id)"
            + " AND written_by < " + HORIZON;

    private static final String AFTER = "SELECT instance_event.id AS event_id, CAST(written_by AS text) AS commit_order,"
            + " instance.project_id, " + EventRows.QUALIFIED_COLUMNS + " FROM instance_event" + SEEN_BY + " AND" + READABLE
            + " ORDER BY written_by, instance_event.id LIMIT :limit";

    private final DatabaseCalls database;
    private final EventRows rows = new EventRows();
    private final java.util.List<Runnable> listeners = new CopyOnWriteArrayList<>();

    PostgresEventFeed(DatabaseCalls database) {
        this.database = database;
    }

    @Override
    public Position newest() {
        return database.withHandle(handle -> horizon(handle.createQuery(NOW).mapTo(String.class).one()));
    }

    @Override
    public Option<Position> positionOf(ProjectId project, Option<String> ownerId, long eventId) {
        return database.withHandle(handle -> Option.ofOptional(handle.createQuery(POSITION_OF)
                .bind("project_id", project.value())
                .bind("owner_id", ownerId.getOrNull())
                .bind("event_id", eventId)
                .mapTo(String.class)
                .findOne()
                .map(commitOrder -> new Position(Long.parseLong(commitOrder), eventId))));
    }

    /**
     * The page and the horizon are read in one snapshot, so that the position moves no further than what was read: a
     * page that is not full leaves the reader past every event readable now, of any project.
     */
    @Override
    public Page after(ProjectId project, Option<String> ownerId, Position position, int limit) {
        return database.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, handle -> {
            Position end = horizon(handle.createQuery(NOW).mapTo(String.class).one());
            List<Numbered> page = List.ofAll(handle.createQuery(AFTER)
                    .bind("project_id", project.value())
                    .bind("owner_id", ownerId.getOrNull())
                    .bind("commit_order", String.valueOf(position.commitOrder()))
                    .bind("event_id", position.eventId())
                    .bind("limit", limit)
                    .map((row, context) -> new Numbered(new NumberedEvent(row.getLong("event_id"),
                            new ProjectId(row.getString("project_id")), rows.map(row, context)),
                            new Position(Long.parseLong(row.getString("commit_order")), row.getLong("event_id"))))
                    .list());
            Position next = page.size() == limit ? page.last().position() : later(position, end);
            return new Page(page.map(Numbered::event), next);
        });
    }

    @Override
    public Listening whenEventsWritten(Runnable listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Tells this feed's listeners of the events {@code notifications} hears of. */
    public void hearFrom(StoreNotifications notifications) {
        notifications.whenEventsWritten(() -> listeners.forEach(Runnable::run));
    }

    /** Just before the first event the horizon's transaction (or a later one) may write. */
    private static Position horizon(String xmin) {
        return new Position(Long.parseLong(xmin), 0);
    }

    private static Position later(Position position, Position end) {
        return end.commitOrder() > position.commitOrder() ? end : position;
    }

    private record Numbered(NumberedEvent event, Position position) {
    }
}
