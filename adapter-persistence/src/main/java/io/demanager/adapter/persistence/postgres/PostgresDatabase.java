package io.demanager.adapter.persistence.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A pool of connections to one PostgreSQL database, and the migrations that give it its schema. A connection that
 * cannot be had within {@link #CONNECTION_TIMEOUT} fails, so that a database that went away is answered at once
 * rather than waited for; the pool reconnects by itself when it comes back.
 */
public final class PostgresDatabase implements AutoCloseable {

    public static final Duration CONNECTION_TIMEOUT = Duration.ofMillis(1_500);

    private static final String MIGRATIONS = "classpath:db/migration";
    private static final Duration VALIDATION_TIMEOUT = Duration.ofSeconds(1);
    private static final String AT_VERSION = "SELECT EXISTS (SELECT 1 FROM flyway_schema_history WHERE success AND version = ?)";

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
    private volatile String migratedTo;

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
        config.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
        config.setValidationTimeout(VALIDATION_TIMEOUT.toMillis());
        return new PostgresDatabase(new HikariDataSource(config));
    }

    /** Applies the migrations the database has not seen yet, and answers how many that was. */
    public int migrate() {
        MigrateResult result = flyway().migrate();
        migratedTo = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        return result.migrationsExecuted;
    }

    /**
     * Whether the database answers now and is still at the version {@link #migrate()} brought it to; false before
     * that. Answers within about {@link #CONNECTION_TIMEOUT} plus a second, whatever the database does.
     */
    public boolean isReady() {
        String version = migratedTo;
        if (version == null) {
            return false;
        }
        try (Connection connection = pool.getConnection();
             PreparedStatement atVersion = connection.prepareStatement(AT_VERSION)) {
            atVersion.setQueryTimeout((int) VALIDATION_TIMEOUT.toSeconds());
            atVersion.setString(1, version);
            try (ResultSet answer = atVersion.executeQuery()) {
                return answer.next() && answer.getBoolean(1);
            }
        } catch (SQLException unreachable) {
            return false;
        }
    }

    /** The schema version {@link #migrate()} brought the database to; empty before that. */
    public Optional<String> schemaVersion() {
        return Optional.ofNullable(migratedTo);
    }

    /** Publishes the pool's figures (connections in use, idle, awaited, timeouts...) through {@code metrics}; once. */
    public void publishPoolMetrics(MetricsTrackerFactory metrics) {
        pool.setMetricsTrackerFactory(metrics);
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
