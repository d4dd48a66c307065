package io.demanager.adapter.persistence.postgres;

import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures are an outage that will pass, and which are bugs to be thrown as they are. */
class DatabaseCallsTest {

    @ParameterizedTest
    @ValueSource(strings = {"08001", "08006", "57P01", "57P03", "53300"})
    void aConnectionFailureOrAServerGoingAwayIsAnOutage(String sqlState) {
        assertThat(DatabaseCalls.isOutage(new UnableToExecuteStatementException(new SQLException("gone", sqlState), null))).isTrue();
    }

    @Test
    void noConnectionWithinThePoolsTimeoutIsAnOutage() {
        assertThat(DatabaseCalls.isOutage(new ConnectionException(new SQLTransientConnectionException("timed out")))).isTrue();
    }

    @Test
    void aLostSocketIsAnOutage() {
        assertThat(DatabaseCalls.isOutage(new ConnectionException(new SQLException("I/O", null, new SocketException("reset"))))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"23505", "42601", "22001"})
    void aBrokenConstraintBadSqlOrBadDataIsNot(String sqlState) {
        assertThat(DatabaseCalls.isOutage(new UnableToExecuteStatementException(new SQLException("bug", sqlState), null))).isFalse();
    }

    @Test
    void aFailureWithoutAStateIsNot() {
        assertThat(DatabaseCalls.isOutage(new ConnectionException(new SQLException("the pool has been closed")))).isFalse();
    }
}
