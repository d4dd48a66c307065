package io.demanager.bootstrap;

import io.demanager.adapter.persistence.postgres.EmbeddedDatabase;
import io.demanager.adapter.persistence.postgres.EmbeddedDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static io.demanager.bootstrap.Eventually.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database stops under the running server, then starts again: meanwhile every request is answered within 2 s with
 * 503 and Retry-After, and the server is not ready; once the database is back the server serves again by itself
 * within 5 s, without a restart, and the auto-stop engine stops the lease that ran out during the outage.
 */
class DatabaseOutageServerTest {

    private static final String INSTANCES = "/v1/demo-project/demanager/instances";

    @Test
    void requestsFailFastWith503WhileTheDatabaseIsDownAndSucceedAgainWhenItIsBack(@TempDir Path data) {
        int databasePort = FreePorts.any();
        EmbeddedDatabase database = EmbeddedDatabases.startPersistent(data.resolve("postgres"), databasePort);
        try (Server server = TestServers.start(database, Map.of(
                "DEMANAGER_AUTO_STOP_MIN_SECONDS", "1",
                "DEMANAGER_AUTO_STOP_INTERVAL_MS", "100",
                "DEMANAGER_RUNTIME_DELAY_MS", "0"))) {
            Client client = new Client(server.port(), "dev-token");
            String instance = INSTANCES + "/" + client.post(INSTANCES, """
                    {"name": "outlives-the-outage", "profile_id": "Python3", "flavor": "modelarts.vm.cpu.2u",
                     "spec": {"storage": {"type": "evs"}, "auto_stop": {"enable": true, "duration": 2}}}""").json().path("id").asText();
            waitUntil("it runs", () -> client.get(instance).json().path("status").asText().equals("RUNNING"));

            database.close();

            // Asked together, so that the outage lasts no longer than needed: the pool's reconnection back-off
            // grows with it, up to 5 s.
            CompletableFuture<Answer> readiness = CompletableFuture.supplyAsync(() -> client.get("/health/ready"));
            long asked = System.nanoTime();
            Answer duringTheOutage = client.get(instance);
            Duration answeredIn = Duration.ofNanos(System.nanoTime() - asked);
            assertThat(duringTheOutage.status()).isEqualTo(503);
            assertThat(duringTheOutage.header("Retry-After")).isEqualTo("1");
            assertThat(duringTheOutage.json().path("error_code").asText()).isEqualTo("ModelArts.6101");
            assertThat(answeredIn).isLessThan(Duration.ofSeconds(2));
            assertThat(readiness.join().status()).isEqualTo(503);
            assertThat(client.get("/health/live").status()).isEqualTo(200);

            database = EmbeddedDatabases.startPersistent(data.resolve("postgres"), databasePort);

            long back = System.nanoTime();
            waitUntil("a request succeeds again", () -> client.get(instance).status() == 200);
            assertThat(Duration.ofNanos(System.nanoTime() - back)).isLessThan(Duration.ofSeconds(5));
            assertThat(client.get("/health/ready").status()).isEqualTo(200);
            waitUntil("the engine stops the lease that ran out meanwhile",
                    () -> client.get(instance).json().path("status").asText().equals("STOPPED"));
        } finally {
            database.close();
        }
    }
}
