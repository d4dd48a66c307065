package io.demanager.adapter.persistence.postgres;

import io.demanager.application.port.out.ActiveInstances;
import io.demanager.application.port.out.DueLeases;
import io.demanager.application.port.out.InstanceEvents;
import io.demanager.application.port.out.InstanceListing;
import io.demanager.application.port.out.InstancePage;
import io.demanager.application.port.out.InstanceStore;
import io.demanager.application.port.out.InstancesInStatus;
import io.demanager.application.port.out.QueuedInstances;
import io.demanager.application.port.out.Stores;
import io.demanager.domain.error.DomainError;
import io.demanager.domain.instance.Instance;
import io.demanager.domain.instance.InstanceId;
import io.demanager.domain.instance.InstanceStatus;
import io.demanager.domain.instance.LifecycleEvent;
import io.demanager.domain.instance.ProjectId;
import io.demanager.domain.instance.TransitionCause;
import io.vavr.collection.List;
import io.vavr.collection.Set;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

import javax.crypto.SecretKey;
import javax.sql.DataSource;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * The instance store on PostgreSQL (schema: {@code db/migration}). Every statement names the project, and
 * every update names the version it read: {@code UPDATE ... WHERE version = :read}, so of two writers
 * that read the same version exactly one changes the row. A write that changes the status appends its lifecycle
 * event in the same statement. The credential is sealed with the key given here.
 * <p>
 * Due leases are claimed with {@code FOR UPDATE SKIP LOCKED} and judged by the database's clock, so that any number
 * of servers can run the auto-stop engine against one database: each due instance is locked by one claimer, the
 * others pass it by, and a claimer that dies releases its locks with its connection.
 * <p>
 * A database that cannot be reached is thrown as {@link io.demanager.application.port.out.StoreUnavailable}, within
 * the pool's connection timeout (see {@link DatabaseCalls}).
 */
public final class PostgresInstanceStore implements InstanceStore, ActiveInstances, InstanceEvents, DueLeases,
        QueuedInstances, InstancesInStatus {

    private static final String LIVE_NAME_CONSTRAINT = "instance_live_name_unique";

    /** The new row and its creation event (from no status), in one statement. */
    private static final String INSERT = """
            WITH inserted AS (
                INSERT INTO instance (%1$s) VALUES (%2$s)
                RETURNING %1$s),
            event AS (
                INSERT INTO instance_event (%3$s)
                SELECT id, version, NULL, status, 'USER_REQUEST', updated_at FROM inserted)
            SELECT * FROM inserted""".formatted(InstanceRows.COLUMNS, InstanceRows.VALUES, EventRows.COLUMNS);

    private static final String FIND = "SELECT " + InstanceRows.COLUMNS + " FROM instance"
            + " WHERE project_id = :project_id AND id = :id AND status <> 'DELETED'";

    /**
     * The row at the version that was read is locked ({@code previous}), changed, and its event appended if the
     * status changed, in one statement. A writer that loses the race waits for the lock, finds the version gone,
     * and changes nothing.
     */
    private static final String UPDATE = """
            WITH previous AS (
                SELECT id AS previous_id, status AS previous_status FROM instance
                WHERE project_id = :project_id AND id = :id AND version = :version AND status <> 'DELETED'
                FOR UPDATE),
            updated AS (
                UPDATE instance SET %1$s, version = version + 1
                FROM previous WHERE id = previous_id
                RETURNING %2$s, previous_status),
            event AS (
                INSERT INTO instance_event (%3$s)
                SELECT id, version, previous_status, status, :cause, updated_at FROM updated
                WHERE status <> previous_status)
            SELECT * FROM updated""".formatted(InstanceRows.ASSIGNMENTS, InstanceRows.COLUMNS, EventRows.COLUMNS);

    static final String COUNT_HOLDING_CAPACITY = "SELECT count(*) FROM instance"
            + " WHERE flavor = :flavor AND status = ANY(:statuses)";

    static final String[] STATUSES_HOLDING_CAPACITY = List.of(InstanceStatus.values())
            .filter(InstanceStatus::holdsCapacity)
            .map(Enum::name)
            .toJavaArray(String[]::new);

    /** The due leases that no other transaction holds, those that ended first first (index {@code instance_due_lease}). */
    static final String CLAIM_DUE = "SELECT " + InstanceRows.COLUMNS + " FROM instance"
            + " WHERE status = 'RUNNING' AND lease_stop_at <= now()"
            + " ORDER BY lease_stop_at LIMIT :limit"
            + " FOR UPDATE SKIP LOCKED";

    private static final String EVENTS_SCOPE = " FROM instance_event JOIN instance ON instance.id = instance_event.instance_id"
            + " WHERE instance.project_id = :project_id AND instance.id = :id AND instance.status <> 'DELETED'";

    /** {@code LIMIT NULL} is no limit. */
    private static final String EVENTS_PAGE = "SELECT instance_event.instance_id, instance_event.version, from_status, to_status,"
            + " cause, occurred_at" + EVENTS_SCOPE + " ORDER BY instance_event.version DESC OFFSET :offset LIMIT :limit";

    private static final String EVENTS_COUNT = "SELECT count(*)" + EVENTS_SCOPE;

    /** Queued rows are never DELETED: only CREATE_QUEUING and START_QUEUING have {@code queued_since} (index {@code instance_queue}). */
    static final String OLDEST_QUEUED = "SELECT " + InstanceRows.COLUMNS + " FROM instance"
            + " WHERE flavor = :flavor AND queued_since IS NOT NULL ORDER BY queued_since, id LIMIT :limit";

    private static final String IN_STATUS = "SELECT " + InstanceRows.COLUMNS + " FROM instance WHERE status = ANY(:statuses)";

    private final DatabaseCalls database;
    private final InstanceRows rows;
    private final EventRows eventRows = new EventRows();

    private PostgresInstanceStore(DatabaseCalls database, InstanceRows rows) {
        this.database = database;
        this.rows = rows;
    }

    /**
     * A store over a migrated database (see {@link PostgresDatabase}).
     *
     * @param credentialKey the AES key that seals credentials at rest; the same key must open them later
     */
    public static PostgresInstanceStore create(DataSource dataSource, SecretKey credentialKey) {
        Jdbi jdbi = Jdbi.create(dataSource).installPlugin(new PostgresPlugin());
        return new PostgresInstanceStore(new DatabaseCalls(jdbi), new InstanceRows(new CredentialCipher(credentialKey)));
    }

    /** This store behind every store port. */
    public Stores stores() {
        return new Stores(this, this, this, this, this, this);
    }

    @Override
    public Option<Instance> find(ProjectId projectId, InstanceId instanceId) {
        return Option.ofOptional(database.withHandle(handle -> handle.createQuery(FIND)
                .bind("project_id", projectId.value())
                .bind("id", instanceId.uuid())
                .map(rows)
                .findOne()));
    }

    /** The count and the page are read in one snapshot, so that {@code total_count} agrees with the page. */
    @Override
    public InstancePage list(InstanceListing listing) {
        ListingQuery query = new ListingQuery(listing);
        return database.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, handle -> {
            long total = query.bindCount(handle.createQuery(query.countSql())).mapTo(Long.class).one();
            List<Instance> page = List.ofAll(query.bindPage(handle.createQuery(query.pageSql())).map(rows).list());
            return new InstancePage(total, page);
        });
    }

    @Override
    public Either<DomainError, Instance> insert(Instance instance) {
        try {
            return Either.right(database.withHandle(handle -> rows.bind(handle.createQuery(INSERT), instance.atVersion(0))
                    .map(rows)
                    .one()));
        } catch (UnableToExecuteStatementException e) {
            if (violates(e, LIVE_NAME_CONSTRAINT)) {
                return Either.left(new DomainError.InstanceAlreadyExists(instance.name().value()));
            }
            throw e;
        }
    }

    @Override
    public Either<StaleWrite, Instance> update(Instance changed, TransitionCause cause) {
        return database.withHandle(handle -> update(handle, changed, cause))
                .toEither(() -> new StaleWrite(changed.id(), changed.version()));
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

    /** The count and the page are read in one snapshot, as a listing's are. */
    @Override
    public EventPage events(ProjectId projectId, InstanceId instanceId, int offset, int limit) {
        return database.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, handle -> {
            long total = handle.createQuery(EVENTS_COUNT)
                    .bind("project_id", projectId.value())
                    .bind("id", instanceId.uuid())
                    .mapTo(Long.class)
                    .one();
            List<LifecycleEvent> page = List.ofAll(handle.createQuery(EVENTS_PAGE)
                    .bind("project_id", projectId.value())
                    .bind("id", instanceId.uuid())
                    .bind("offset", offset)
                    .bindByType("limit", limit == 0 ? null : limit, Integer.class)
                    .map(eventRows)
                    .list());
            return new EventPage(total, page);
        });
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
                    update(handle, stopped, TransitionCause.AUTO_STOP).getOrElseThrow(() ->
                            new IllegalStateException("instance " + due.id() + " changed while this transaction held it")),
                    due.lease().get().stopAt())));
        });
    }

    @Override
    public List<Instance> oldestQueued(String flavorName, int limit) {
        return database.withHandle(handle -> List.ofAll(handle.createQuery(OLDEST_QUEUED)
                .bind("flavor", flavorName)
                .bind("limit", limit)
                .map(rows)
                .list()));
    }

    /** A uuid sorts by its bytes, which is the order of its text form. */
    @Override
    public List<Instance> inStatus(Set<InstanceStatus> statuses, Option<InstanceId> after, int limit) {
        String sql = IN_STATUS + (after.isDefined() ? " AND id > :after" : "") + " ORDER BY id LIMIT :limit";
        return database.withHandle(handle -> {
            var query = handle.createQuery(sql)
                    .bind("statuses", statuses.map(Enum::name).toJavaArray(String[]::new))
                    .bind("limit", limit);
            after.peek(last -> query.bind("after", last.uuid()));
            return List.ofAll(query.map(rows).list());
        });
    }

    private Option<Instance> update(Handle handle, Instance changed, TransitionCause cause) {
        return Option.ofOptional(rows.bind(handle.createQuery(UPDATE), changed)
                .bind("cause", cause.name())
                .map(rows)
                .findOne());
    }

    private static boolean violates(UnableToExecuteStatementException e, String constraint) {
        return e.getCause() instanceof PSQLException cause
                && PSQLState.UNIQUE_VIOLATION.getState().equals(cause.getSQLState())
                && cause.getServerErrorMessage() != null
                && constraint.equals(cause.getServerErrorMessage().getConstraint());
    }
}
