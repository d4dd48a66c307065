package io.demanager.adapter.persistence.postgres;

import io.demanager.application.port.out.DueLeases;
import io.demanager.domain.instance.Instance;
import io.demanager.domain.instance.TransitionCause;
import io.vavr.collection.List;

import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * Due leases on PostgreSQL, claimed with {@code FOR UPDATE SKIP LOCKED} and judged by the database's clock, so that
 * any number of servers can run the auto-stop engine against one database: each due instance is locked by one
 * claimer, the others pass it by, and a claimer that dies releases its locks with its connection.
 */
public final class PostgresLeaseClaims implements DueLeases {

    /** The due leases that no other transaction holds, those that ended first first (index {@code instance_due_lease}). */
    static final String CLAIM_DUE = "SELECT " + InstanceRows.NAMES + " FROM instance"
            + " WHERE status = 'RUNNING' AND lease_stop_at <= now()"
            + " ORDER BY lease_stop_at LIMIT :limit"
            + " FOR UPDATE SKIP LOCKED";

    private final DatabaseCalls database;
    private final InstanceRows rows;
    private final Transitions transitions;

    PostgresLeaseClaims(DatabaseCalls database, InstanceRows rows, Transitions transitions) {
        this.database = database;
        this.rows = rows;
        this.transitions = transitions;
    }

    /**
     * One transaction: read the database's time, lock up to {@code limit} due rows that nobody else holds, and write
     * each stop with its event. {@code now()} is the transaction's start, the same for the claim and the stops.
     */
    @Override
    public List<AutoStopped> stopDue(int limit, LeaseStop stop) {
        return database.inTransaction(handle -> {
            Instant now = handle.createQuery("SELECT now()").mapTo(OffsetDateTime.class).one().toInstant();
            List<Instance> claimed = List.ofAll(handle.createQuery(CLAIM_DUE).bind("limit", limit).map(rows).list());
            return claimed.flatMap(due -> stop.apply(due, now).toOption().map(stopped -> new AutoStopped(
                    transitions.write(handle, stopped, TransitionCause.AUTO_STOP).getOrElseThrow(() ->
                            new IllegalStateException("instance " + due.id() + " changed while this transaction held it")),
                    due.lease().get().stopAt())));
        });
    }
}
