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
import io.vavr.collection.List;
import io.vavr.collection.Set;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * The instances on PostgreSQL (schema: {@code db/migration}). Every statement names the project. A transition names
 * the version it read ({@link Transitions}), so of two writers that read the same version exactly one changes the
 * row; a change of settings locks the row instead, so that writers of one instance take turns and none is refused.
 * Each write sets only the columns it may change: the catalog snapshot is written on insert only, the credential on insert and transitions (deleting erases it).
 */
public final class PostgresInstances implements InstanceStore, InstancesInStatus, LeaseChanges {

    private static final String FIND = "SELECT " + InstanceRows.NAMES + " FROM instance"
            + " WHERE project_id = :project_id AND id = :id AND status <> 'DELETED'";

    private static final String LOCK_LIVE = FIND + " FOR UPDATE";

    private static final String CHANGE_SETTINGS = "UPDATE instance SET " + InstanceRows.assignments(Written.ON_EVERY_WRITE)
            + " WHERE id = :id";

    private static final String IN_STATUS = "SELECT " + InstanceRows.NAMES + " FROM instance WHERE status = ANY(:statuses)";

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
        return database.withHandle(handle -> find(handle, FIND, projectId, instanceId));
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
     * One transaction: lock the live row ({@code FOR UPDATE}: a writer of another process waits here for its turn;
     * one of this process waits before it, see {@link WriterTurns}), apply {@code change} to it, and write the
     * settings; the lock goes with the commit.
     */
    @Override
    public Either<DomainError, Instance> modifySettings(ProjectId projectId, InstanceId instanceId,
                                                        Function<Instance, Either<DomainError, Instance>> change) {
        return turns.inTurn(instanceId, () -> database.inTransaction(handle -> find(handle, LOCK_LIVE, projectId, instanceId)
                .toEither(() -> (DomainError) new DomainError.InstanceNotFound(instanceId.value()))
                .flatMap(current -> change.apply(current).map(changed -> {
                    rows.bind(handle.createUpdate(CHANGE_SETTINGS), changed, Written.ON_EVERY_WRITE)
                            .bind("id", current.id().uuid())
                            .execute();
                    return changed.atVersion(current.version() + 1);
                })))).map(this::toldIfLeased);
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

    /**
     * Tells of the writes of this store only; {@link LeaseNotifications} tells of those of every server sharing the
     * database.
     */
    @Override
    public void whenLeasesChange(Runnable listener) {
        leaseListeners.add(listener);
    }

    private Instance toldIfLeased(Instance written) {
        if (written.lease().isDefined()) {
            leaseListeners.forEach(Runnable::run);
        }
        return written;
    }

    private Option<Instance> find(Handle handle, String sql, ProjectId projectId, InstanceId instanceId) {
        return Option.ofOptional(handle.createQuery(sql)
                .bind("project_id", projectId.value())
                .bind("id", instanceId.uuid())
                .map(rows)
                .findOne());
    }
}
