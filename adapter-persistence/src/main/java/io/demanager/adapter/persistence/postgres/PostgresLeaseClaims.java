package io.demanager.adapter.persistence.postgres;

import io.demanager.application.port.out.DueLeases;
import io.demanager.domain.instance.Instance;
import io.demanager.domain.instance.InstanceId;
import io.demanager.domain.instance.LifecycleEvent;
import io.demanager.domain.instance.TransitionCause;
import io.vavr.Tuple;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.control.Option;

import java.math.BigDecimal;
import java.time.Duration;
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

    /** Seconds from the database's present to the first lease end (index {@code instance_due_lease}). */
    static final String UNTIL_NEXT_LEASE_END = "SELECT EXTRACT(EPOCH FROM min(lease_stop_at) - now()) FROM instance"
            + " WHERE status = 'RUNNING' AND lease_stop_at IS NOT NULL";

    /** The leases still to be warned about, as the partial index {@code instance_lease_warning} holds them. */
    private static final String AWAITING_WARNING = " FROM instance WHERE status = 'RUNNING' AND auto_stop_prompt"
            + " AND lease_warned_for IS DISTINCT FROM lease_stop_at AND lease_stop_at > now()";

    static final String UNTIL_NEXT_WARNING = "SELECT EXTRACT(EPOCH FROM min(lease_stop_at) - :before * interval '1 millisecond'"
            + " - now())" + AWAITING_WARNING;

    /** Claims the due warnings nobody else holds, remembers each lease as warned about, and records the events. */
    static final String WARN_ENDING = """
            WITH due AS (
                SELECT id, lease_stop_at%1$s AND lease_stop_at <= now() + :before * interval '1 millisecond'
                ORDER BY lease_stop_at LIMIT :limit
                FOR UPDATE SKIP LOCKED),
            warned AS (
                UPDATE instance SET lease_warned_for = due.lease_stop_at FROM due WHERE instance.id = due.id
                RETURNING instance.id, instance.version)
            INSERT INTO instance_event (%2$s)
            SELECT id, version, 'RUNNING', 'RUNNING', 'LEASE_ENDING', now() FROM warned
            RETURNING %2$s""".formatted(AWAITING_WARNING, EventRows.COLUMNS);

    private final DatabaseCalls database;
    private final InstanceRows rows;
    private final EventRows eventRows = new EventRows();
    private final Transitions transitions;

    PostgresLeaseClaims(DatabaseCalls database, InstanceRows rows, Transitions transitions) {
        this.database = database;
        this.rows = rows;
        this.transitions = transitions;
    }

    /**
     * One transaction: read the database's time, lock up to {@code limit} due rows that nobody else holds, and write
     * their stops with their events in one statement. {@code now()} is the transaction's start, the same for the claim
     * and the stops.
     */
    @Override
    public List<AutoStopped> stopDue(int limit, LeaseStop stop) {
        return database.inTransaction(handle -> {
            Instant now = handle.createQuery("SELECT now()").mapTo(OffsetDateTime.class).one().toInstant();
            List<Instance> claimed = List.ofAll(handle.createQuery(CLAIM_DUE).bind("limit", limit).map(rows).list());
            Map<InstanceId, Instant> leaseEnds = claimed.toMap(due -> Tuple.of(due.id(), due.lease().get().stopAt()));
            List<Instance> stopping = claimed.flatMap(due -> stop.apply(due, now).toOption());
            List<Instance> stopped = transitions.writeAll(handle, stopping, TransitionCause.AUTO_STOP);
            if (stopped.size() != stopping.size()) {
                throw new IllegalStateException("claimed instances changed while this transaction held them");
            }
            return stopped.map(instance -> new AutoStopped(instance, leaseEnds.apply(instance.id())));
        });
    }

    @Override
    public Option<Duration> untilNextLeaseEnd() {
        return database.withHandle(handle -> seconds(handle.createQuery(UNTIL_NEXT_LEASE_END).mapTo(BigDecimal.class).one()));
    }

    @Override
    public List<LifecycleEvent> warnEnding(int limit, Duration before) {
        return database.inTransaction(handle -> List.ofAll(handle.createQuery(WARN_ENDING)
                .bind("before", before.toMillis())
                .bind("limit", limit)
                .map(eventRows)
                .list()));
    }

    @Override
    public Option<Duration> untilNextWarning(Duration before) {
        return database.withHandle(handle -> seconds(handle.createQuery(UNTIL_NEXT_WARNING)
                .bind("before", before.toMillis())
                .mapTo(BigDecimal.class)
                .one()));
    }

    private static Option<Duration> seconds(BigDecimal seconds) {
        return Option.of(seconds).map(value -> Duration.ofNanos(value.movePointRight(9).longValue()));
    }
}
