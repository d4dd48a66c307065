package io.demanager.archfixture.domainusesjdbc.domain;

import java.sql.Connection;
import java.sql.SQLException;

/** Breaks only the JDBC rule: {@code java.sql} is inside {@code java..}, which the domain may otherwise use. */
public final class UsesJdbc {

    public boolean isOpen(Connection connection) throws SQLException {
        return !connection.isClosed();
    }
}
