package io.demanager.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.demanager.adapter.persistence.postgres.TestDatabase;
import io.demanager.bootstrap.webhook.WebhookReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.demanager.bootstrap.Eventually.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retention through the whole server, over PostgreSQL: an operator's catalog has a free flavor kept for 72 hours and
 * one kept for 0 hours, so that the retention worker (sweeping every second) deletes a stopped instance of the second
 * during the test. The delete's event reaches a webhook receiver; the instance of the first shows when it will go.
 */
class RetentionOverHttpTest {

    private static final String INSTANCES = "/v1/demo-project/demanager/instances";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CATALOG = """
            {"flavors": [
               {"name": "kept.free", "type": "CPU", "promo_type": "Free", "params": {"CPU": 1}, "duration": 3600, "store_time": 72},
               {"name": "gone.free", "type": "CPU", "promo_type": "Free", "params": {"CPU": 1}, "duration": 3600, "store_time": 0}],
             "profiles": [{"id": "only-profile", "description": "The one profile", "flavor_types": ["CPU"],
                           "image": {"namespace": "ns", "name": "image", "tag": "1"}}]}
            """;

    private TestDatabase database;
    private WebhookReceiver receiver;
    private Server server;
    private Client client;

    @BeforeEach
    void start(@TempDir Path directory) throws IOException {
        Path catalog = Files.writeString(directory.resolve("catalog.json"), CATALOG);
        database = TestDatabase.migrated();
        receiver = new WebhookReceiver();
        server = TestServers.start(database, Map.of(
                "DEMANAGER_CATALOG_FILE", catalog.toString(),
                "DEMANAGER_RETENTION_INTERVAL_SECONDS", "1",
                "DEMANAGER_RUNTIME_DELAY_MS", "50",
                "DEMANAGER_WEBHOOK_URLS", receiver.url(),
                "DEMANAGER_WEBHOOK_SECRET", "a shared secret"));
        client = new Client(server.port(), "dev-token");
    }

    @AfterEach
    void stop() {
        server.close();
        receiver.close();
        database.close();
    }

    @Test
    void aStoppedFreeInstanceIsDeletedWhenItsFlavorsStoreTimeEndsAndTheEventSaysWhyWhileAnotherShowsWhenItWillGo() {
        String kept = ranAndStopped("kept", "kept.free");
        String gone = ranAndStopped("gone", "gone.free");

        waitUntil("the retention worker deletes the instance kept for 0 hours",
                () -> client.get(INSTANCES + "/" + gone).status() == 400);
        assertThat(client.get(INSTANCES + "/" + gone).json().path("error_code").asText()).isEqualTo("ModelArts.6309");
        waitUntil("the delete's event is delivered", () -> !retentionEventsOf(gone).isEmpty());
        JsonNode event = retentionEventsOf(gone).get(0);
        assertThat(event.path("from_status").asText()).isEqualTo("STOPPED");
        assertThat(event.path("to_status").asText()).isEqualTo("DELETED");

        JsonNode stillThere = client.get(INSTANCES + "/" + kept).json();
        assertThat(stillThere.path("status").asText()).isEqualTo("STOPPED");
        JsonNode retention = stillThere.path("retention_info");
        assertThat(retention.path("delete_timestamp").asLong() - retention.path("begin_timestamp").asLong())
                .isEqualTo(Duration.ofHours(72).toMillis());
        assertThat(retentionEventsOf(kept)).isEmpty();
    }

    /** A new instance of {@code flavor}, once it ran and its user stopped it. */
    private String ranAndStopped(String name, String flavor) {
        Answer created = client.post(INSTANCES, """
                {"name": "%s", "profile_id": "only-profile", "flavor": "%s", "spec": {"storage": {"type": "evs"}}}"""
                .formatted(name, flavor));
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        String id = created.json().path("id").asText();
        waitUntil(name + " runs", () -> status(id).equals("RUNNING"));
        Answer stopped = client.post(INSTANCES + "/" + id + "/action", "{\"action\": \"stop\"}");
        assertThat(stopped.status()).as(stopped.body()).isEqualTo(200);
        return id;
    }

    private String status(String id) {
        return client.get(INSTANCES + "/" + id).json().path("status").asText();
    }

    private List<JsonNode> retentionEventsOf(String instanceId) {
        return receiver.accepted().stream().map(received -> {
            try {
                return JSON.readTree(received.body());
            } catch (IOException unreadable) {
                throw new UncheckedIOException(unreadable);
            }
        }).filter(body -> body.path("instance_id").asText().equals(instanceId) && body.path("cause").asText().equals("RETENTION"))
                .toList();
    }
}
