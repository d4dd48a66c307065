package io.demanager.bootstrap;

import io.demanager.adapter.persistence.postgres.EmbeddedDatabase;
import io.demanager.adapter.persistence.postgres.PostgresDatabase;
import io.demanager.adapter.persistence.postgres.TestDatabase;
import io.demanager.bootstrap.config.Configuration;

import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/** The real server, started in this process from environment variables as {@code java -jar} would be. */
public final class TestServers {

    /** Every test server seals credentials with this key, so that servers over one database can open each other's. */
    public static final String CREDENTIAL_KEY = Base64.getEncoder().encodeToString(new byte[32]);

    private TestServers() {
    }

    /**
     * A server on a free port of the local host, over the schema of {@code database}, sealing credentials with
     * {@link #CREDENTIAL_KEY}, with {@code variables} on top; the configuration must be usable.
     */
    public static Server start(TestDatabase database, Map<String, String> variables) {
        return start(database.settings(), variables);
    }

    /** The same, over the {@code postgres} database of an embedded server the test runs itself. */
    public static Server start(EmbeddedDatabase database, Map<String, String> variables) {
        return start(database.settings(), variables);
    }

    /** A server of the simulated runtime unless {@code variables} say otherwise. */
    private static Server start(PostgresDatabase.Settings database, Map<String, String> variables) {
        var configuration = Configuration.from(environment(database, variables));
        if (configuration.isLeft()) {
            throw new AssertionError("the test's configuration cannot be used: " + configuration.getLeft());
        }
        return Server.start(configuration.get());
    }

    /**
     * The variables of a server on a free port of the local host, over {@code database}, sealing credentials with
     * {@link #CREDENTIAL_KEY}, of the simulated runtime, with {@code variables} on top.
     */
    public static Map<String, String> environment(PostgresDatabase.Settings database, Map<String, String> variables) {
        Map<String, String> environment = new HashMap<>(Map.of(
                "DEMANAGER_HOST", "127.0.0.1",
                "DEMANAGER_PORT", String.valueOf(FreePorts.any()),
                "DEMANAGER_DB_URL", database.jdbcUrl(),
                "DEMANAGER_DB_USER", database.user(),
                "DEMANAGER_CREDENTIAL_KEY", CREDENTIAL_KEY,
                "DEMANAGER_RUNTIME", "simulated"));
        if (!database.password().isEmpty()) {
            environment.put("DEMANAGER_DB_PASSWORD", database.password());
        }
        environment.putAll(variables);
        return environment;
    }
}
