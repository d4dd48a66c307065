package io.demanager.adapter.persistence.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * A PostgreSQL server run by this process from the binaries on the class path: the default database. It admits
 * only who knows its superuser's password: every connection, over TCP or the local socket, authenticates with
 * SCRAM, and {@code pg_hba.conf} has no {@code trust} line. The password is random, made when the server's files are
 * made, and kept in a file only its owner may read.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    /** Every way in, each with a password. Written again at every start, so that nobody's edit opens the server. */
    static final String HOST_BASED_AUTHENTICATION = """
            # Written by demanager at every start: every connection, local or not, gives the password (SCRAM).
            local all all scram-sha-256
            host all all 127.0.0.1/32 scram-sha-256
            host all all ::1/128 scram-sha-256
            """;

    private static final String SUPERUSER = "postgres";
    private static final String DATABASE = "postgres";
    private static final String SCRAM = "scram-sha-256";
    private static final int PASSWORD_BYTES = 32;

    /** The archives of PostgreSQL's binaries that a build may carry, one per platform. */
    private static final List<String> BINARIES = List.of("postgres-linux-x86_64.txz",
            "postgres-linux-arm_64.txz", "postgres-darwin-x86_64.txz", "postgres-darwin-arm_64.txz",
            "postgres-windows-x86_64.txz");

    private final EmbeddedPostgres server;
    private final String password;

    private EmbeddedDatabase(EmbeddedPostgres server, String password) {
        this.server = server;
        this.password = password;
    }

    /** Whether this build carries PostgreSQL's binaries for a platform: a jar for clusters leaves them out. */
    public static boolean isPackaged() {
        return BINARIES.stream().anyMatch(archive -> EmbeddedDatabase.class.getClassLoader().getResource(archive) != null);
    }

    /**
     * A server that keeps its data in {@code dataDirectory}, creating it on the first start and finding
     * it again on the next, with its superuser's password in {@code passwordFile} (made on the first start).
     * Files made by a version that trusted local connections are given the password and lose the trust.
     * The embedded server runs without fsync and without synchronous commits by default;
     * data kept for good has both on, so that a commit the server acknowledged survives a crash.
     * It runs until {@link #close()}, even while the process exits: its owner stops it when nothing needs it any
     * more (a server answers its requests in flight first).
     */
    public static EmbeddedDatabase startPersistent(Path dataDirectory, Path passwordFile) {
        return startPersistent(dataDirectory, passwordFile, 0);
    }

    /**
     * The same, listening on {@code port} of the local host (0: a free one): a server stopped and started again is
     * found where it was.
     */
    static EmbeddedDatabase startPersistent(Path dataDirectory, Path passwordFile, int port) {
        String password = OwnerOnlyFile.readOrCreate(passwordFile, EmbeddedDatabase::newPassword);
        if (trustsConnections(dataDirectory)) {
            setPassword(dataDirectory, password);
        }
        return start(secured(persistent(dataDirectory, port), passwordFile, password), password);
    }

    private static EmbeddedPostgres.Builder persistent(Path dataDirectory, int port) {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on");
        return port == 0 ? builder : builder.setPort(port);
    }

    /**
     * New files get the password from initdb ({@code --pwfile}, {@code --auth}); at every start the access rules are
     * written again, and the server's own readiness check logs in with the password.
     */
    static EmbeddedPostgres.Builder secured(EmbeddedPostgres.Builder builder, Path passwordFile, String password) {
        return builder
                .setLocaleConfig("pwfile", passwordFile.toAbsolutePath().toString())
                .setLocaleConfig("auth", SCRAM)
                .setServerConfig("password_encryption", SCRAM)
                .setDataDirectoryCustomizer(EmbeddedDatabase::writeAccessRules)
                .setConnectConfig("password", password);
    }

    /** Files made before the password existed: their {@code pg_hba.conf} trusts some connection. */
    private static boolean trustsConnections(Path dataDirectory) {
        Path rules = dataDirectory.resolve("pg_hba.conf");
        try {
            return Files.exists(rules) && Files.readAllLines(rules, StandardCharsets.UTF_8).stream()
                    .map(line -> line.replaceFirst("#.*", "").strip())
                    .anyMatch(line -> Arrays.asList(line.split("\\s+")).contains("trust"));
        } catch (IOException unreadable) {
            throw new UncheckedIOException("cannot read " + rules, unreadable);
        }
    }

    /**
     * Gives the superuser of trusting files its password, once: the server is started with the old rules for as long
     * as that takes, listening on the local host only, as it always did.
     */
    private static void setPassword(Path dataDirectory, String password) {
        try (EmbeddedDatabase trusting = start(persistent(dataDirectory, 0), "");
             Connection connection = DriverManager.getConnection(trusting.server.getJdbcUrl(SUPERUSER, DATABASE));
             Statement statement = connection.createStatement()) {
            statement.execute("SET password_encryption = '" + SCRAM + "'");
            statement.execute("ALTER ROLE " + SUPERUSER + " PASSWORD '" + password + "'");
        } catch (SQLException refused) {
            throw new IllegalStateException("cannot give the embedded PostgreSQL's superuser its password", refused);
        }
    }

    private static void writeAccessRules(File dataDirectory) {
        try {
            Files.writeString(dataDirectory.toPath().resolve("pg_hba.conf"), HOST_BASED_AUTHENTICATION, StandardCharsets.UTF_8);
        } catch (IOException unwritable) {
            throw new UncheckedIOException("cannot write the embedded PostgreSQL's access rules", unwritable);
        }
    }

    /** Base64 without padding, in the URL alphabet: nothing that needs quoting in SQL or a file. */
    static String newPassword() {
        byte[] random = new byte[PASSWORD_BYTES];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    static EmbeddedDatabase start(EmbeddedPostgres.Builder builder, String password) {
        try {
            return new EmbeddedDatabase(builder.start(), password);
        } catch (IOException e) {
            throw new UncheckedIOException("the embedded PostgreSQL server did not start", e);
        }
    }

    /** How to connect to the server's {@code postgres} database as its superuser, with its password. */
    public PostgresDatabase.Settings settings() {
        return new PostgresDatabase.Settings(server.getJdbcUrl(SUPERUSER, DATABASE), SUPERUSER, password);
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException("the embedded PostgreSQL server did not stop", e);
        }
    }
}
