package io.demanager.bootstrap;

import io.demanager.adapter.persistence.postgres.TestDatabase;
import io.vavr.collection.List;

import javax.crypto.SecretKey;
import java.util.ArrayList;

/**
 * One migrated PostgreSQL schema that several servers (replicas) of a test share, each on a pool of its own, with the
 * credential key they all seal with; what the test starts on it is closed with it, last started first.
 */
public final class SharedDatabase implements AutoCloseable {

    private final TestDatabase database = TestDatabase.migrated();
    private final SecretKey credentialKey = TestDatabase.newCredentialKey();
    private final java.util.List<AutoCloseable> toClose = new ArrayList<>();

    public TestDatabase database() {
        return database;
    }

    public SecretKey credentialKey() {
        return credentialKey;
    }

    /** {@code closeable}, to be closed with this database, before what was started earlier. */
    public <T extends AutoCloseable> T closeLater(T closeable) {
        toClose.add(closeable);
        return closeable;
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable closeable : List.ofAll(toClose).reverse()) {
            closeable.close();
        }
        database.close();
    }
}
