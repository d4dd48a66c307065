package io.demanager.adapter.persistence.postgres;

import io.demanager.application.port.in.StoreUnavailable;
import io.demanager.domain.instance.Instance;
import io.demanager.domain.instance.InstanceStatus;
import io.demanager.domain.instance.TransitionCause;
import io.vavr.collection.HashSet;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;

import static io.demanager.testkit.StoreFixtures.PROJECT;
import static io.demanager.testkit.StoreFixtures.anInstance;
import static io.demanager.testkit.StoreFixtures.listing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A database server that stops under a running store: every call is refused as {@link StoreUnavailable} (an outage
 * that will pass, not a bug), readiness turns false, and once the server is back the same store and pool work again
 * by themselves.
 */
class DatabaseOutageTest {

    @Test
    void whileTheServerIsDownEveryCallIsUnavailableAndOnceItIsBackTheSamePoolWorksAgain(@TempDir Path data) {
        int port = freePort();
        EmbeddedDatabase server = EmbeddedDatabases.startPersistent(data.resolve("postgres"), port);
        try (PostgresDatabase database = PostgresDatabase.connect(server.settings())) {
            database.migrate();
            PostgresPorts store = new PostgresPorts(PostgresStores.create(database.dataSource(), TestDatabase.newCredentialKey()));
            Instance stored = store.insert(anInstance().build()).get();
            assertThat(database.isReady()).isTrue();

            server.close();

            assertThat(database.isReady()).isFalse();
            assertUnavailable(() -> store.find(PROJECT, stored.id()));
            assertUnavailable(() -> store.list(listing(PROJECT).build()));
            assertUnavailable(() -> store.insert(anInstance().build()));
            assertUnavailable(() -> store.update(stored, TransitionCause.USER_REQUEST));
            assertUnavailable(() -> store.countHoldingCapacity(stored.flavor().name()));
            assertUnavailable(() -> store.events(PROJECT, stored.id(), 0, 0));
            assertUnavailable(() -> store.stopDue(10, Instance::stopForExpiredLease));
            assertUnavailable(() -> store.oldestQueued(stored.flavor().name(), 1));
            assertUnavailable(() -> store.inStatus(HashSet.of(InstanceStatus.CREATING), Option.none(), 10));

            server = EmbeddedDatabases.startPersistent(data.resolve("postgres"), port);

            assertThat(answeredAgain(() -> store.find(PROJECT, stored.id()))).containsExactly(stored);
            assertThat(database.isReady()).isTrue();
        } finally {
            server.close();
        }
    }

    @Test
    void aDatabaseThatWasNeverMigratedByThisPoolIsNotReady() {
        try (TestDatabase empty = TestDatabase.empty()) {
            assertThat(empty.database().isReady()).isFalse();

            empty.database().migrate();

            assertThat(empty.database().isReady()).isTrue();
        }
    }

    @Test
    void aDatabaseMigratedBeforeIsReadyOnceThisPoolHasCheckedItHasNothingLeftToDo() {
        try (TestDatabase migrated = TestDatabase.migrated();
             PostgresDatabase another = migrated.connectAnotherPool("another-server")) {
            assertThat(another.isReady()).isFalse();

            assertThat(another.migrate()).isZero();

            assertThat(another.isReady()).isTrue();
        }
    }

    /** The pool reconnects by itself, after a back-off of at most 5 s: the first call after the return may still fail. */
    private static <T> T answeredAgain(Supplier<T> call) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try {
                return call.get();
            } catch (StoreUnavailable notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
            }
        }
    }

    private static void assertUnavailable(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOf(StoreUnavailable.class);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
