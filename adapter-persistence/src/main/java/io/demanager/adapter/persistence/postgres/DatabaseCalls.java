package io.demanager.adapter.persistence.postgres;

import io.demanager.application.port.in.StoreUnavailable;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

import javax.sql.DataSource;

import java.net.SocketException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The store's way into the database. A call that fails because the database cannot be reached (no connection
 * within the pool's timeout, a connection lost, a server shutting down) is thrown as {@link StoreUnavailable}, so
 * that callers can tell an outage that will pass from a bug; every other failure is thrown as it is.
 */
final class DatabaseCalls {

    /** SQL states of a server that is going away or cannot take one more session; class 08 is any connection failure. */
    private static final Set<String> OUTAGE_STATES = Set.of("57P01", "57P02", "57P03", "53300");

    /** Work on a connection of the pool, for the hottest statements, which JDBI's set-up would cost more than they do. */
    @FunctionalInterface
    interface ConnectionCallback<R> {
        R withConnection(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;
    private final Jdbi jdbi;

    DatabaseCalls(DataSource dataSource, Jdbi jdbi) {
        this.dataSource = dataSource;
        this.jdbi = jdbi;
    }

    /** {@code callback} on a connection of the pool in auto-commit; a failure is thrown as JDBI's statements throw theirs. */
    <R> R withConnection(ConnectionCallback<R> callback) {
        return reaching(() -> {
            try (Connection connection = dataSource.getConnection()) {
                return callback.withConnection(connection);
            } catch (SQLException failure) {
                throw new UnableToExecuteStatementException(failure, null);
            }
        });
    }

    /**
     * {@code work} in one transaction of {@code connection}, committed if it answers, rolled back if it throws. The
     * pool puts the connection back in auto-commit when it is returned.
     */
    static <R> R inTransaction(Connection connection, ConnectionCallback<R> work) throws SQLException {
        connection.setAutoCommit(false);
        try {
            R result = work.withConnection(connection);
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException failure) {
            try {
                connection.rollback();
            } catch (SQLException rollbackFailure) {
                failure.addSuppressed(rollbackFailure);
            }
            throw failure;
        }
    }

    <R> R withHandle(HandleCallback<R, RuntimeException> callback) {
        return reaching(() -> jdbi.withHandle(callback));
    }

    <R> R inTransaction(HandleCallback<R, RuntimeException> callback) {
        return reaching(() -> jdbi.inTransaction(callback));
    }

    <R> R inTransaction(TransactionIsolationLevel isolation, HandleCallback<R, RuntimeException> callback) {
        return reaching(() -> jdbi.inTransaction(isolation, callback));
    }

    private static <R> R reaching(Supplier<R> call) {
        try {
            return call.get();
        } catch (JdbiException failure) {
            if (isOutage(failure)) {
                throw new StoreUnavailable("The database cannot be reached: " + rootMessage(failure), failure);
            }
            throw failure;
        }
    }

    static boolean isOutage(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SocketException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || OUTAGE_STATES.contains(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
