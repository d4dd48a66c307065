package io.demanager.adapter.persistence.postgres;

import io.demanager.domain.instance.Instance;
import io.demanager.domain.instance.InstanceStatus;
import io.demanager.domain.instance.TransitionCause;
import io.vavr.collection.HashSet;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;

import static io.demanager.testkit.StoreFixtures.PROJECT;
import static io.demanager.testkit.StoreFixtures.anInstance;
import static io.demanager.testkit.StoreFixtures.listing;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A database that cannot be reached is an unexpected failure: it is thrown, never answered as "not found". */
class DatabaseFailureTest {

    @Test
    void everyCallOfAStoreWhoseDatabaseIsGoneThrows() {
        TestDatabase database = TestDatabase.migrated();
        PostgresPorts store = database.newStore();
        Instance stored = store.insert(anInstance().build()).get();
        database.close();

        assertThatThrownBy(() -> store.find(PROJECT, stored.id())).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> store.list(listing(PROJECT).build())).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> store.insert(anInstance().build())).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> store.update(stored, TransitionCause.USER_REQUEST)).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> store.countHoldingCapacity(stored.flavor().name())).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> store.events(PROJECT, stored.id(), 0, 0)).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> store.stopDue(10, Instance::stopForExpiredLease)).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> store.oldestQueued(stored.flavor().name(), 1)).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> store.inStatus(HashSet.of(InstanceStatus.CREATING), Option.none(), 10))
                .isInstanceOf(RuntimeException.class);
    }

    @Test
    void connectingToAServerThatDoesNotAnswerFailsAtOnce() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        var nowhere = new PostgresDatabase.Settings("jdbc:postgresql://localhost:" + closedPort + "/demanager", "postgres", "");

        assertThatThrownBy(() -> PostgresDatabase.connect(nowhere)).isInstanceOf(RuntimeException.class);
    }
}
