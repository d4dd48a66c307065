package io.demanager.adapter.persistence.postgres;

import io.demanager.domain.instance.Instance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.crypto.SecretKey;
import java.nio.file.Path;

import static io.demanager.testkit.StoreFixtures.anInstance;
import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedDatabaseTest {

    @Test
    void aPersistentServerFindsItsDataAgainAfterARestart(@TempDir Path dataDirectory) {
        SecretKey key = TestDatabase.newCredentialKey();
        Instance stored;
        try (EmbeddedDatabase server = EmbeddedDatabase.startPersistent(dataDirectory);
             PostgresDatabase database = PostgresDatabase.connect(server.settings())) {
            assertThat(database.migrate()).isPositive();
            stored = new PostgresPorts(PostgresStores.create(database.dataSource(), key)).insert(anInstance().build()).get();
        }

        try (EmbeddedDatabase server = EmbeddedDatabase.startPersistent(dataDirectory);
             PostgresDatabase database = PostgresDatabase.connect(server.settings())) {
            assertThat(database.migrate()).isZero();
            assertThat(new PostgresPorts(PostgresStores.create(database.dataSource(), key)).find(stored.projectId(), stored.id()))
                    .containsExactly(stored);
        }
    }
}
