package io.demanager.adapter.persistence.postgres;

import io.demanager.application.port.out.ExpiredRetentions;
import io.demanager.domain.instance.Instance;
import io.demanager.domain.instance.InstanceId;
import io.demanager.domain.instance.InstanceStatus;
import io.demanager.domain.instance.TransitionCause;
import io.vavr.Tuple;
import io.vavr.collection.List;
import io.vavr.collection.Map;

import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * Ended retentions on PostgreSQL, claimed with {@code FOR UPDATE SKIP LOCKED} and judged by the database's clock, as
 * {@link PostgresLeaseClaims} claims due leases: any number of servers can run the retention engine against one
 * database, each instance is locked by one claimer and deleted once, and a claimer that dies releases its locks with
 * its connection.
 */
public final class PostgresRetentionClaims implements ExpiredRetentions {

    /** The ended retentions no other transaction holds, those that ended first first (index {@code instance_retention_due}). */
    static final String CLAIM_EXPIRED = "SELECT " + InstanceRows.NAMES + " FROM instance"
            + " WHERE retention_end <= now()"
            + " ORDER BY retention_end LIMIT :limit"
            + " FOR UPDATE SKIP LOCKED";

    private final DatabaseCalls database;
    private final InstanceRows rows;
    private final Transitions transitions;

    PostgresRetentionClaims(DatabaseCalls database, InstanceRows rows, Transitions transitions) {
        this.database = database;
        this.rows = rows;
        this.transitions = transitions;
    }

    /**
     * One transaction: read the database's time, lock up to {@code limit} ended retentions that nobody else holds, and
     * write their deletes with their events in one statement.
     */
    @Override
    public List<Expired> deleteExpired(int limit, RetentionDelete delete) {
        return database.inTransaction(handle -> {
            Instant now = handle.createQuery("SELECT now()").mapTo(OffsetDateTime.class).one().toInstant();
            List<Instance> claimed = List.ofAll(handle.createQuery(CLAIM_EXPIRED).bind("limit", limit).map(rows).list());
            Map<InstanceId, InstanceStatus> before = claimed.toMap(expired -> Tuple.of(expired.id(), expired.status()));
            List<Instance> deleting = claimed.flatMap(expired -> delete.apply(expired, now).toOption());
            List<Instance> deleted = transitions.writeAll(handle, deleting, TransitionCause.RETENTION);
            if (deleted.size() != deleting.size()) {
                throw new IllegalStateException("claimed instances changed while this transaction held them");
            }
            return deleted.map(instance -> new Expired(before.apply(instance.id()), instance));
        });
    }
}
