package io.demanager.adapter.persistence.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.nio.file.Path;

/** The embedded PostgreSQL servers tests start beside the server's own: a throw-away one, and one they stop and start again. */
public final class EmbeddedDatabases {

    private EmbeddedDatabases() {
    }

    /** A server whose data lives in a new temporary directory, removed when it closes. */
    public static EmbeddedDatabase startTemporary() {
        return EmbeddedDatabase.start(EmbeddedPostgres.builder());
    }

    /**
     * A server that keeps its data in {@code dataDirectory}, as the standalone server's does, listening on {@code port}
     * of the local host: stopped and started again, it is found where it was.
     */
    public static EmbeddedDatabase startPersistent(Path dataDirectory, int port) {
        return EmbeddedDatabase.start(EmbeddedDatabase.persistent(dataDirectory).setPort(port));
    }
}
