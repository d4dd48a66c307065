package io.demanager.adapter.persistence.postgres;

import io.demanager.application.port.out.ActiveInstances;
import io.demanager.application.port.out.InstanceListing;
import io.demanager.application.port.out.InstancePage;
import io.demanager.application.port.out.InstanceStore;
import io.demanager.domain.error.DomainError;
import io.demanager.domain.instance.Instance;
import io.demanager.domain.instance.InstanceId;
import io.demanager.domain.instance.InstanceStatus;
import io.demanager.domain.instance.ProjectId;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

import javax.crypto.SecretKey;
import javax.sql.DataSource;

/**
 * The instance store on PostgreSQL (schema: {@code db/migration}). Every statement names the project, and
 * every update names the version it read: {@code UPDATE ... WHERE version = :read}, so of two writers
 * that read the same version exactly one changes the row. The credential is sealed with the key given here.
 */
public final class PostgresInstanceStore implements InstanceStore, ActiveInstances {

    private static final String LIVE_NAME_CONSTRAINT = "instance_live_name_unique";

    private static final String INSERT = "INSERT INTO instance (" + InstanceRows.COLUMNS + ") VALUES (" + InstanceRows.VALUES + ")"
            + " RETURNING " + InstanceRows.COLUMNS;

    private static final String FIND = "SELECT " + InstanceRows.COLUMNS + " FROM instance"
            + " WHERE project_id = :project_id AND id = :id AND status <> 'DELETED'";

    private static final String UPDATE = "UPDATE instance SET " + InstanceRows.ASSIGNMENTS + ", version = version + 1"
            + " WHERE project_id = :project_id AND id = :id AND version = :version AND status <> 'DELETED'"
            + " RETURNING " + InstanceRows.COLUMNS;

    static final String COUNT_HOLDING_CAPACITY = "SELECT count(*) FROM instance"
            + " WHERE flavor = :flavor AND status = ANY(:statuses)";

    static final String[] STATUSES_HOLDING_CAPACITY = List.of(InstanceStatus.values())
            .filter(InstanceStatus::holdsCapacity)
            .map(Enum::name)
            .toJavaArray(String[]::new);

    private final Jdbi jdbi;
    private final InstanceRows rows;

    private PostgresInstanceStore(Jdbi jdbi, InstanceRows rows) {
        this.jdbi = jdbi;
        this.rows = rows;
    }

    /**
     * A store over a migrated database (see {@link PostgresDatabase}).
     *
     * @param credentialKey the AES key that seals credentials at rest; the same key must open them later
     */
    public static PostgresInstanceStore create(DataSource dataSource, SecretKey credentialKey) {
        Jdbi jdbi = Jdbi.create(dataSource).installPlugin(new PostgresPlugin());
        return new PostgresInstanceStore(jdbi, new InstanceRows(new CredentialCipher(credentialKey)));
    }

    @Override
    public Option<Instance> find(ProjectId projectId, InstanceId instanceId) {
        return Option.ofOptional(jdbi.withHandle(handle -> handle.createQuery(FIND)
                .bind("project_id", projectId.value())
                .bind("id", instanceId.uuid())
                .map(rows)
                .findOne()));
    }

    /** The count and the page are read in one snapshot, so that {@code total_count} agrees with the page. */
    @Override
    public InstancePage list(InstanceListing listing) {
        ListingQuery query = new ListingQuery(listing);
        return jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, handle -> {
            long total = query.bindCount(handle.createQuery(query.countSql())).mapTo(Long.class).one();
            List<Instance> page = List.ofAll(query.bindPage(handle.createQuery(query.pageSql())).map(rows).list());
            return new InstancePage(total, page);
        });
    }

    @Override
    public Either<DomainError, Instance> insert(Instance instance) {
        try {
            return Either.right(jdbi.withHandle(handle -> rows.bind(handle.createQuery(INSERT), instance.atVersion(0))
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
    public Either<StaleWrite, Instance> update(Instance changed) {
        return Option.ofOptional(jdbi.withHandle(handle -> rows.bind(handle.createQuery(UPDATE), changed)
                        .map(rows)
                        .findOne()))
                .toEither(() -> new StaleWrite(changed.id(), changed.version()));
    }

    /** Counted across every project: a free flavor's capacity is shared by all. */
    @Override
    public long countHoldingCapacity(String flavorName) {
        return jdbi.withHandle(handle -> handle.createQuery(COUNT_HOLDING_CAPACITY)
                .bind("flavor", flavorName)
                .bind("statuses", STATUSES_HOLDING_CAPACITY)
                .mapTo(Long.class)
                .one());
    }

    private static boolean violates(UnableToExecuteStatementException e, String constraint) {
        return e.getCause() instanceof PSQLException cause
                && PSQLState.UNIQUE_VIOLATION.getState().equals(cause.getSQLState())
                && cause.getServerErrorMessage() != null
                && constraint.equals(cause.getServerErrorMessage().getConstraint());
    }
}
