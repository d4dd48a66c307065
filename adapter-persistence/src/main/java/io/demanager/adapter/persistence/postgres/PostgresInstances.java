package io.demanager.adapter.persistence.postgres;

import io.demanager.adapter.persistence.postgres.InstanceRows.Written;
import io.demanager.application.port.out.InstanceListing;
import io.demanager.application.port.out.InstancePage;
import io.demanager.application.port.out.InstanceStore;
import io.demanager.application.port.out.InstancesInStatus;
import io.demanager.application.port.out.LeaseChanges;
import io.demanager.domain.error.DomainError;
import io.demanager.domain.instance.Instance;
import io.demanager.domain.instance.InstanceId;
import io.demanager.domain.instance.InstanceStatus;
import io.demanager.domain.instance.ProjectId;
import io.demanager.domain.instance.TransitionCause;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Set;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The instances on PostgreSQL (schema: {@code db/migration}). Every statement names the project. A transition names
 * the version it read ({@link Transitions}), so of two writers that read the same version exactly one changes the
 * row; writers of settings of one instance take turns instead, so that none is refused.
 * Each write sets only the columns it may change: the catalog snapshot and the spec are written on insert only, the
 * credential on insert and by the delete, which erases it.
 */
public final class PostgresInstances implements InstanceStore, InstancesInStatus, LeaseChanges {

    /** Read by JDBC ({@link DatabaseCalls#withConnection}), as every statement of modify and detail is: they are the hot ones. */
    private static final String FIND = "SELECT " + InstanceRows.NAMES + " FROM instance"
            + " WHERE project_id = ? AND id = ? AND status <> 'DELETED'";

    private static final String LOCK_LIVE = FIND + " FOR UPDATE";

    private static final String CHANGE_SETTINGS = "UPDATE instance SET " + InstanceRows.positionalAssignments(Written.ON_EVERY_WRITE)
            + " WHERE id = ? AND version = ?";

    private static final String IN_STATUS = "SELECT " + InstanceRows.NAMES + " FROM instance WHERE status = ANY(:statuses)";
    static final String RUNNING_WITH_IDLE_STOP = "SELECT " + InstanceRows.NAMES + " FROM instance"
            + " WHERE status = 'RUNNING' AND idle_stop_enabled";
    private static final String LIVE_AMONG = "SELECT id FROM instance WHERE id = ANY(:ids) AND status <> 'DELETED'";

    private final DatabaseCalls database;
    private final InstanceRows rows;
    private final Transitions transitions;
    private final Insertion insertion;
    private final WriterTurns turns = new WriterTurns();
    private final java.util.List<Runnable> leaseListeners = new CopyOnWriteArrayList<>();

    PostgresInstances(DatabaseCalls database, InstanceRows rows, Transitions transitions, Insertion insertion) {
        this.database = database;
        this.rows = rows;
        this.transitions = transitions;
        this.insertion = insertion;
    }

    @Override
    public Option<Instance> find(ProjectId projectId, InstanceId instanceId) {
        return database.withConnection(connection -> find(connection, FIND, projectId, instanceId));
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
        return Insertion.unlessNameTaken(
                        () -> Either.right(database.withHandle(handle -> insertion.write(handle, instance))),
                        () -> instance.name().value())
                .map(this::toldIfLeased);
    }

    @Override
    public Either<StaleWrite, Instance> update(Instance changed, TransitionCause cause) {
        return database.withHandle(handle -> transitions.write(handle, changed, cause))
                .map(this::toldIfLeased)
                .toEither(() -> new StaleWrite(changed.id(), changed.version()));
    }

    /**
     * First without a lock: read the live row, apply {@code change} to it, and write the settings if the row is still
     * at the version read (two round trips, no transaction). If another write came between (a transition, or another
     * server's change of settings: those of this server wait for their turn, see {@link WriterTurns}), the change is
     * made again under the row lock ({@code FOR UPDATE}: read, write, commit), where nothing can come between.
     */
    @Override
    public Either<DomainError, Instance> modifySettings(ProjectId projectId, InstanceId instanceId,
                                                        Function<Instance, Either<DomainError, Instance>> change) {
        return turns.inTurn(instanceId, () -> database.withConnection(connection -> {
            Option<Either<DomainError, SettingsChange>> unlocked = changeSettings(connection, FIND, projectId, instanceId, change);
            return unlocked.isDefined() ? unlocked.get() : DatabaseCalls.inTransaction(connection, locked ->
                    changeSettings(locked, LOCK_LIVE, projectId, instanceId, change)
                            .getOrElseThrow(() -> new IllegalStateException("instance " + instanceId + " changed under its lock")));
        })).map(this::toldIfWarningChanged);
    }

    /** A change of settings as written. */
    private record SettingsChange(Instance before, Instance after) {
    }

    /**
     * Reads the live row with {@code read}, applies {@code change}, and writes the settings if the row is still at
     * the version read; nothing if it is not.
     */
    private Option<Either<DomainError, SettingsChange>> changeSettings(Connection connection, String read, ProjectId projectId,
                                                                     InstanceId instanceId,
                                                                     Function<Instance, Either<DomainError, Instance>> change)
            throws SQLException {
        Option<Instance> found = find(connection, read, projectId, instanceId);
        if (found.isEmpty()) {
            return Option.some(Either.left(new DomainError.InstanceNotFound(instanceId.value())));
        }
        Instance current = found.get();
        Either<DomainError, Instance> changed = change.apply(current);
        if (changed.isLeft()) {
            return Option.some(Either.left(changed.getLeft()));
        }
        try (PreparedStatement update = connection.prepareStatement(CHANGE_SETTINGS)) {
            int next = rows.bindInOrder(update, changed.get(), Written.ON_EVERY_WRITE);
            update.setObject(next, current.id().uuid());
            update.setLong(next + 1, current.version());
            return update.executeUpdate() == 1
                    ? Option.some(Either.right(new SettingsChange(current, changed.get().atVersion(current.version() + 1))))
                    : Option.none();
        }
    }

    @Override
    public List<Instance> inStatus(Set<InstanceStatus> statuses, Option<InstanceId> after, int limit) {
        return page(IN_STATUS, after, limit, query -> query.bind("statuses", statuses.map(Enum::name).toJavaArray(String[]::new)));
    }

    /** Read through the partial index {@code instance_idle_stop_candidates}. */
    @Override
    public List<Instance> runningWithIdleStop(Option<InstanceId> after, int limit) {
        return page(RUNNING_WITH_IDLE_STOP, after, limit, query -> { });
    }

    /** Up to {@code limit} rows of {@code select} after {@code after}, by id; a uuid sorts by its bytes, as its text form. */
    private List<Instance> page(String select, Option<InstanceId> after, int limit, Consumer<Query> bind) {
        String sql = select + (after.isDefined() ? " AND id > :after" : "") + " ORDER BY id LIMIT :limit";
        return database.withHandle(handle -> {
            var query = handle.createQuery(sql).bind("limit", limit);
            bind.accept(query);
            after.peek(last -> query.bind("after", last.uuid()));
            return List.ofAll(query.map(rows).list());
        });
    }

    @Override
    public Set<InstanceId> liveAmong(Set<InstanceId> ids) {
        if (ids.isEmpty()) {
            return HashSet.empty();
        }
        return database.withHandle(handle -> HashSet.ofAll(handle.createQuery(LIVE_AMONG)
                .bind("ids", ids.map(InstanceId::uuid).toJavaArray(UUID[]::new))
                .mapTo(UUID.class).list()).map(InstanceId::new));
    }

    /**
     * Tells of the writes of this store only; {@link StoreNotifications} tells of those of every server sharing the
     * database.
     */
    @Override
    public void whenLeasesChange(Runnable listener) {
        leaseListeners.add(listener);
    }

    /**
     * A change of settings keeps the lease; it changes what the auto-stop engine plans only if it changes whether the
     * running lease is to be warned about.
     */
    private Instance toldIfWarningChanged(SettingsChange change) {
        if (change.after().lease().isDefined() && change.before().autoStop().prompt() != change.after().autoStop().prompt()) {
            leaseListeners.forEach(Runnable::run);
        }
        return change.after();
    }

    private Instance toldIfLeased(Instance written) {
        if (written.lease().isDefined()) {
            leaseListeners.forEach(Runnable::run);
        }
        return written;
    }

    private Option<Instance> find(Connection connection, String sql, ProjectId projectId, InstanceId instanceId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, projectId.value());
            query.setObject(2, instanceId.uuid());
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Option.some(rows.map(row)) : Option.none();
            }
        }
    }
}
