package io.demanager.adapter.persistence.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** A PostgreSQL server run by this process from the binaries on the class path: the default database. */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final String SUPERUSER = "postgres";
    private static final String DATABASE = "postgres";

    private final EmbeddedPostgres server;

    private EmbeddedDatabase(EmbeddedPostgres server) {
        this.server = server;
    }

    /**
     * A server that keeps its data in {@code dataDirectory}, creating it on the first start and finding
     * it again on the next. The embedded server runs without fsync and without synchronous commits by default;
     * data kept for good has both on, so that a commit the server acknowledged survives a crash.
     * It runs until {@link #close()}, even while the process exits: its owner stops it when nothing needs it any
     * more (a server answers its requests in flight first).
     */
    public static EmbeddedDatabase startPersistent(Path dataDirectory) {
        return start(persistent(dataDirectory));
    }

    static EmbeddedPostgres.Builder persistent(Path dataDirectory) {
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on");
    }

    static EmbeddedDatabase start(EmbeddedPostgres.Builder builder) {
        try {
            return new EmbeddedDatabase(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("the embedded PostgreSQL server did not start", e);
        }
    }

    /** How to connect to the server's {@code postgres} database as its superuser (no password: local trust). */
    public PostgresDatabase.Settings settings() {
        return new PostgresDatabase.Settings(server.getJdbcUrl(SUPERUSER, DATABASE), SUPERUSER, "");
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
