package io.demanager.adapter.persistence.postgres;

import io.demanager.domain.error.DomainError;
import io.demanager.domain.instance.Instance;
import io.vavr.control.Either;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

import java.util.function.Supplier;

/** The insert of a new instance with its creation event (from no status), in one statement, shared by the stores that make one. */
final class Insertion {

    private static final String LIVE_NAME_CONSTRAINT = "instance_live_name_unique";

    private static final String SQL = """
            WITH inserted AS (
                INSERT INTO instance %1$s
                RETURNING %2$s),
            event AS (
                INSERT INTO instance_event (%3$s)
                SELECT id, version, NULL, status, 'USER_REQUEST', updated_at FROM inserted)
            SELECT * FROM inserted""".formatted(InstanceRows.INSERT_COLUMNS_AND_VALUES, InstanceRows.NAMES, EventRows.COLUMNS);

    private final InstanceRows rows;

    Insertion(InstanceRows rows) {
        this.rows = rows;
    }

    /** {@code instance} as stored at version 0; a live instance of its name in its project violates a constraint. */
    Instance write(Handle handle, Instance instance) {
        return rows.bind(handle.createQuery(SQL), instance.atVersion(0)).map(rows).one();
    }

    /**
     * What {@code insert} answers, or 6301 if the name it tried, which {@code triedName} tells afterwards, is taken by
     * a live instance of its project.
     */
    static Either<DomainError, Instance> unlessNameTaken(Supplier<Either<DomainError, Instance>> insert,
                                                         Supplier<String> triedName) {
        try {
            return insert.get();
        } catch (UnableToExecuteStatementException e) {
            if (violates(e, LIVE_NAME_CONSTRAINT)) {
                return Either.left(new DomainError.InstanceAlreadyExists(triedName.get()));
            }
            throw e;
        }
    }

    private static boolean violates(UnableToExecuteStatementException e, String constraint) {
        return e.getCause() instanceof PSQLException cause
                && PSQLState.UNIQUE_VIOLATION.getState().equals(cause.getSQLState())
                && cause.getServerErrorMessage() != null
                && constraint.equals(cause.getServerErrorMessage().getConstraint());
    }
}
