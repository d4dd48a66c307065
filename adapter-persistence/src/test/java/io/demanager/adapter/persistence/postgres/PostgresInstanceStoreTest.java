package io.demanager.adapter.persistence.postgres;

import io.demanager.adapter.persistence.InstanceStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class PostgresInstanceStoreTest extends InstanceStoreContract<PostgresInstanceStore> {

    private static TestDatabase database;

    @BeforeAll
    static void createSchema() {
        database = TestDatabase.migrated();
    }

    @AfterAll
    static void dropSchema() {
        database.close();
    }

    @Override
    protected PostgresInstanceStore emptyStore() {
        database.jdbi().useHandle(handle -> handle.execute("TRUNCATE instance"));
        return database.newStore();
    }
}
