package io.demanager.archfixture.applicationusesdatasource.application.port.out;

import javax.sql.DataSource;

/** Breaks the JDBC rule: a driven port that hands out the database itself. */
public interface UsesDataSource {

    DataSource dataSource();
}
