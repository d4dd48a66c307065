package io.demanager.adapter.persistence.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.util.Objects;

/** A pool of connections to one PostgreSQL database, and the migrations that give it its schema. */
public final class PostgresDatabase implements AutoCloseable {

    private static final String MIGRATIONS = "classpath:db/migration";

    /**
     * Where the database is and who connects to it; the schema is the connection's current one
     * ({@code currentSchema} in the URL chooses another).
     *
     * @param password empty when the server asks for none
     */
    public record Settings(String jdbcUrl, String user, String password) {

        public Settings {
            Objects.requireNonNull(jdbcUrl, "jdbcUrl");
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(password, "password");
            if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
                throw new IllegalArgumentException("the database URL starts with jdbc:postgresql:, not " + jdbcUrl);
            }
        }

        @Override
        public String toString() {
            return "Settings[jdbcUrl=" + jdbcUrl + ", user=" + user + ", password=****]";
        }
    }

    private final HikariDataSource pool;

    private PostgresDatabase(HikariDataSource pool) {
        this.pool = pool;
    }

    /** Opens the pool; a database that cannot be reached is thrown at once, not at the first request. */
    public static PostgresDatabase connect(Settings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("demanager");
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        return new PostgresDatabase(new HikariDataSource(config));
    }

    /** Applies the migrations the database has not seen yet, and answers how many that was. */
    public int migrate() {
        return flyway().migrate().migrationsExecuted;
    }

    public DataSource dataSource() {
        return pool;
    }

    Flyway flyway() {
        return Flyway.configure()
                .dataSource(pool)
                .locations(MIGRATIONS)
                .failOnMissingLocations(true)
                .validateMigrationNaming(true)
                .load();
    }

    @Override
    public void close() {
        pool.close();
    }
}
