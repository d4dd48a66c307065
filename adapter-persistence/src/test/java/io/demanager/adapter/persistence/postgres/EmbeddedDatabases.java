package io.demanager.adapter.persistence.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The embedded PostgreSQL servers tests start beside the server's own: a throw-away one, and one they stop and start
 * again. Both ask for a password, as the server's does.
 */
public final class EmbeddedDatabases {

    private EmbeddedDatabases() {
    }

    /** A server whose data lives in a new temporary directory, removed when it closes. */
    public static EmbeddedDatabase startTemporary() {
        String password = EmbeddedDatabase.newPassword();
        try {
            Path passwordFile = Files.createTempFile("demanager-db", ".password");
            try {
                Files.writeString(passwordFile, password + "\n", StandardCharsets.US_ASCII);
                return EmbeddedDatabase.start(EmbeddedDatabase.secured(EmbeddedPostgres.builder(), passwordFile, password), password);
            } finally {
                Files.delete(passwordFile);
            }
        } catch (IOException unwritable) {
            throw new UncheckedIOException("cannot write the embedded PostgreSQL's first password", unwritable);
        }
    }

    /**
     * A server that keeps its data in {@code dataDirectory}, as the standalone server's does (its password beside it,
     * in {@code <dataDirectory>.password}), listening on {@code port} of the local host: stopped and started again, it
     * is found where it was.
     */
    public static EmbeddedDatabase startPersistent(Path dataDirectory, int port) {
        return EmbeddedDatabase.startPersistent(dataDirectory, dataDirectory.resolveSibling(dataDirectory.getFileName() + ".password"), port);
    }
}
