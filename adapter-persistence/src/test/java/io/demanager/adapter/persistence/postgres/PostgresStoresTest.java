package io.demanager.adapter.persistence.postgres;

import io.demanager.testkit.contract.EngineQueriesContract;
import io.demanager.testkit.contract.EventFeedContract;
import io.demanager.testkit.contract.InstanceStoreContract;
import io.demanager.testkit.contract.RetentionContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class PostgresStoresTest extends InstanceStoreContract<PostgresPorts>
        implements EngineQueriesContract<PostgresPorts>, EventFeedContract<PostgresPorts>,
        RetentionContract<PostgresPorts> {

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
    protected PostgresPorts emptyStore() {
        database.jdbi().useHandle(handle -> handle.execute("TRUNCATE instance, instance_event"));
        return database.newStore();
    }

    @Override
    public PostgresPorts store() {
        return store;
    }
}
