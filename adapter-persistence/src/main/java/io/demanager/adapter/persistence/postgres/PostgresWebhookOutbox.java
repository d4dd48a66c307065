package io.demanager.adapter.persistence.postgres;

import io.demanager.application.port.out.WebhookOutbox;
import io.demanager.domain.instance.NumberedEvent;
import io.demanager.domain.instance.ProjectId;
import io.vavr.collection.List;
import io.vavr.collection.Set;

import org.jdbi.v3.core.statement.Update;

import java.time.Duration;

/**
 * The webhook outbox on PostgreSQL (migration V10): the trigger of {@code instance_event} writes a row per event and
 * endpoint in the transaction of the event; claims take rows with {@code FOR UPDATE SKIP LOCKED} and push their next
 * attempt ahead by the claim's patience, so that each server takes different rows and a dead server's rows come back.
 */
public final class PostgresWebhookOutbox implements WebhookOutbox {

    private static final String CLAIM = """
            WITH due AS (
                SELECT endpoint, event_id FROM webhook_outbox
                WHERE given_up_at IS NULL AND next_attempt_at <= now()
                ORDER BY next_attempt_at LIMIT :limit
                FOR UPDATE SKIP LOCKED),
            claimed AS (
                UPDATE webhook_outbox SET attempts = attempts + 1, next_attempt_at = now() + :patience * interval '1 millisecond'
                FROM due WHERE webhook_outbox.endpoint = due.endpoint AND webhook_outbox.event_id = due.event_id
                RETURNING webhook_outbox.endpoint, webhook_outbox.event_id, webhook_outbox.attempts)
            SELECT claimed.endpoint, claimed.attempts, claimed.event_id, instance.project_id, %s
            FROM claimed JOIN instance_event ON instance_event.id = claimed.event_id
                JOIN instance ON instance.id = instance_event.instance_id
            ORDER BY claimed.event_id""".formatted(EventRows.QUALIFIED_COLUMNS);

    private static final String KEY = " WHERE endpoint = :endpoint AND event_id = :event_id";

    private final DatabaseCalls database;
    private final EventRows rows = new EventRows();

    PostgresWebhookOutbox(DatabaseCalls database) {
        this.database = database;
    }

    /**
     * Makes {@code urls} the endpoints events are delivered to from now on: events written from now on are delivered
     * to each; an endpoint no longer named loses its deliveries still waiting.
     */
    public void deliverTo(Set<String> urls) {
        database.inTransaction(handle -> {
            String[] named = urls.toJavaArray(String[]::new);
            handle.createUpdate("DELETE FROM webhook_endpoint WHERE url <> ALL(:urls)").bind("urls", named).execute();
            return handle.createUpdate("INSERT INTO webhook_endpoint (url) SELECT unnest(:urls) ON CONFLICT DO NOTHING")
                    .bind("urls", named).execute();
        });
    }

    @Override
    public List<Delivery> claim(int limit, Duration patience) {
        return database.inTransaction(handle -> List.ofAll(handle.createQuery(CLAIM)
                .bind("limit", limit)
                .bind("patience", patience.toMillis())
                .map((row, context) -> new Delivery(row.getString("endpoint"), new NumberedEvent(row.getLong("event_id"),
                        new ProjectId(row.getString("project_id")), rows.map(row, context)), row.getInt("attempts")))
                .list()));
    }

    @Override
    public void delivered(Delivery delivery) {
        database.withHandle(handle -> bindKey(handle.createUpdate("DELETE FROM webhook_outbox" + KEY), delivery).execute());
    }

    @Override
    public void retryLater(Delivery delivery, String reason, Duration pause) {
        database.withHandle(handle -> bindKey(handle.createUpdate("UPDATE webhook_outbox"
                + " SET next_attempt_at = now() + :pause * interval '1 millisecond', last_failure = :reason" + KEY), delivery)
                .bind("pause", pause.toMillis())
                .bind("reason", reason)
                .execute());
    }

    @Override
    public void giveUp(Delivery delivery, String reason) {
        database.withHandle(handle -> bindKey(handle.createUpdate("UPDATE webhook_outbox"
                + " SET given_up_at = now(), last_failure = :reason" + KEY), delivery)
                .bind("reason", reason)
                .execute());
    }

    @Override
    public Backlog backlog() {
        return database.withHandle(handle -> handle.createQuery("SELECT count(*) FILTER (WHERE given_up_at IS NULL) AS waiting,"
                        + " count(*) FILTER (WHERE given_up_at IS NOT NULL) AS given_up FROM webhook_outbox")
                .map((row, context) -> new Backlog(row.getLong("waiting"), row.getLong("given_up")))
                .one());
    }

    private static Update bindKey(Update update, Delivery delivery) {
        return update.bind("endpoint", delivery.endpoint()).bind("event_id", delivery.event().id());
    }
}
