package io.demanager.adapter.persistence.postgres;

import org.jdbi.v3.core.Jdbi;

import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.sql.DataSource;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A schema of its own for a test: created empty, dropped on {@link #close()}, so that tests never see each
 * other's rows. The server is an embedded PostgreSQL started once for the whole run, unless the environment
 * variable {@code DEMANAGER_TEST_DB_URL} names a database to use instead (with {@code DEMANAGER_TEST_DB_USER},
 * default {@code postgres}, and {@code DEMANAGER_TEST_DB_PASSWORD}, default none); that account needs the
 * right to create schemas in it.
 */
public final class TestDatabase implements AutoCloseable {

    private final PostgresDatabase.Settings server;
    private final String schema;
    private final PostgresDatabase.Settings inSchema;
    private final PostgresDatabase database;

    private TestDatabase(PostgresDatabase.Settings server, String schema) {
        this.server = server;
        this.schema = schema;
        this.inSchema = new PostgresDatabase.Settings(
                withParameter(server.jdbcUrl(), "currentSchema=" + schema), server.user(), server.password());
        this.database = PostgresDatabase.connect(inSchema);
    }

    /** A new schema holding nothing, not even the migrations. */
    static TestDatabase empty() {
        PostgresDatabase.Settings server = Server.SETTINGS;
        String schema = "test_" + UUID.randomUUID().toString().replace("-", "").toLowerCase(Locale.ROOT);
        execute(server, "CREATE SCHEMA " + schema);
        return new TestDatabase(server, schema);
    }

    /** A new schema with every migration applied. */
    public static TestDatabase migrated() {
        TestDatabase test = empty();
        test.database.migrate();
        return test;
    }

    /** The stores over this schema, as one object, sealing credentials with a key of their own. */
    public PostgresPorts newStore() {
        return newStore(newCredentialKey());
    }

    /** The stores over this schema, sealing with {@code credentialKey}: a server's key, to seal what it opens. */
    public PostgresPorts newStore(SecretKey credentialKey) {
        return new PostgresPorts(PostgresStores.create(dataSource(), credentialKey));
    }

    PostgresDatabase database() {
        return database;
    }

    public DataSource dataSource() {
        return database.dataSource();
    }

    /** How to connect to this schema, as a server configured with an external database would. */
    public PostgresDatabase.Settings settings() {
        return inSchema;
    }

    /**
     * Another pool of connections to this schema, as another server would open; its sessions show
     * {@code applicationName} in {@code pg_stat_activity}. The caller closes it.
     */
    public PostgresDatabase connectAnotherPool(String applicationName) {
        return PostgresDatabase.connect(new PostgresDatabase.Settings(
                withParameter(inSchema.jdbcUrl(), "ApplicationName=" + applicationName), inSchema.user(), inSchema.password()));
    }

    /** For looking at rows as they are stored, under the store's back. */
    public Jdbi jdbi() {
        return Jdbi.create(dataSource());
    }

    public static SecretKey newCredentialKey() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256);
            return generator.generateKey();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        database.close();
        execute(server, "DROP SCHEMA " + schema + " CASCADE");
    }

    private static String withParameter(String jdbcUrl, String parameter) {
        return jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + parameter;
    }

    private static void execute(PostgresDatabase.Settings server, String sql) {
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("could not run " + sql + " on " + server.jdbcUrl(), e);
        }
    }

    /** The server every test of the run shares, started on first use. */
    private static final class Server {

        static final PostgresDatabase.Settings SETTINGS = settings();

        private static PostgresDatabase.Settings settings() {
            String url = System.getenv("DEMANAGER_TEST_DB_URL");
            if (url != null && !url.isBlank()) {
                return new PostgresDatabase.Settings(url,
                        environment("DEMANAGER_TEST_DB_USER", "postgres"),
                        environment("DEMANAGER_TEST_DB_PASSWORD", ""));
            }
            // Stopped by the server's own shutdown hook when the test run ends.
            return EmbeddedDatabases.startTemporary().settings();
        }

        private static String environment(String name, String fallback) {
            String value = System.getenv(name);
            return value == null ? fallback : value;
        }
    }
}
