package io.demanager.bootstrap.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.demanager.adapter.persistence.postgres.TestDatabase;
import io.demanager.bootstrap.Client;
import io.demanager.bootstrap.Server;
import io.demanager.bootstrap.TestServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.demanager.bootstrap.Eventually.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Webhooks from a real server, over PostgreSQL, to a real HTTP receiver: signed, retried until the receiver takes
 * them, and delivered by the next server when the one that wrote them stopped first.
 */
class WebhookDeliveryTest {

    private static final String SECRET = "a shared secret";
    private static final String INSTANCES = "/v1/demo-project/demanager/instances";
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestDatabase database;
    private WebhookReceiver receiver;

    @BeforeEach
    void start() throws Exception {
        database = TestDatabase.migrated();
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void stop() {
        receiver.close();
        database.close();
    }

    @Test
    void eachEventIsPostedSignedAndAReceiverThatFailsGetsItOnceItRecovers() throws Exception {
        receiver.refuseNext(2);
        try (Server server = TestServers.start(database, webhooks(Map.of()))) {
            String id = create(server, "signed");

            waitUntil("the creation event is accepted", () -> acceptedFor(id).contains("CREATING"));

            var delivery = receiver.accepted().get(0);
            JsonNode body = JSON.readTree(delivery.body());
            assertThat(body.path("instance_id").asText()).isEqualTo(id);
            assertThat(body.path("project_id").asText()).isEqualTo("demo-project");
            assertThat(body.path("cause").asText()).isEqualTo("USER_REQUEST");
            assertThat(delivery.eventId()).isEqualTo(body.path("id").asText());
            assertThat(delivery.contentType()).isEqualTo("application/json");
            assertThat(verifies(delivery.signature(), delivery.body())).as(delivery.signature()).isTrue();
            assertThat(verifies(delivery.signature(), "{}".getBytes(StandardCharsets.UTF_8))).as("another body").isFalse();
            var refused = receiver.received().stream().filter(received -> !received.accepted())
                    .map(WebhookReceiver.Received::eventId).toList();
            assertThat(refused).hasSize(2);
            waitUntil("each refused event is accepted in the end", () -> acceptedIds().containsAll(refused));
            waitUntil("nothing waits in the outbox", () -> metric(server, "demanager_webhook_deliveries_waiting") == 0);
        }
    }

    @Test
    void whatAServerCouldNotDeliverBeforeItStoppedIsDeliveredByTheNextOne() throws Exception {
        receiver.down(true);
        String id;
        try (Server first = TestServers.start(database, webhooks(Map.of()))) {
            id = create(first, "restarted");
            waitUntil("the receiver refused an attempt", () -> !receiver.received().isEmpty());
        }
        receiver.down(false);
        Set<String> written = eventIds(id);

        try (Server next = TestServers.start(database, webhooks(Map.of()))) {
            waitUntil("every event written is accepted", () -> acceptedIds().containsAll(eventIds(id)));
        }
        assertThat(written).isNotEmpty();
    }

    @Test
    void aDeliveryRefusedAsOftenAsAllowedIsGivenUpAndShownToTheOperators() throws Exception {
        receiver.down(true);
        try (Server server = TestServers.start(database, webhooks(Map.of("DEMANAGER_WEBHOOK_ATTEMPTS", "1")))) {
            create(server, "given-up");

            waitUntil("a delivery is given up", () -> metric(server, "demanager_webhook_deliveries_given_up") >= 1);
            long givenUp = database.jdbi().withHandle(handle -> handle.createQuery(
                    "SELECT count(*) FROM webhook_outbox WHERE given_up_at IS NOT NULL AND last_failure = 'answered 503'")
                    .mapTo(Long.class).one());
            assertThat(givenUp).isPositive();
        }
    }

    private Map<String, String> webhooks(Map<String, String> more) {
        var variables = new java.util.HashMap<>(Map.of(
                "DEMANAGER_WEBHOOK_URLS", receiver.url(),
                "DEMANAGER_WEBHOOK_SECRET", SECRET,
                "DEMANAGER_RUNTIME_DELAY_MS", "100"));
        variables.putAll(more);
        return variables;
    }

    private static String create(Server server, String name) {
        var created = new Client(server.port(), "dev-token").post(INSTANCES, """
                {"name": "%s", "profile_id": "Python3", "flavor": "modelarts.vm.cpu.2u", "spec": {"storage": {"type": "evs"}}}""".formatted(name));
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        return created.json().path("id").asText();
    }

    private List<String> acceptedFor(String instanceId) {
        return receiver.accepted().stream().map(received -> {
            try {
                return JSON.readTree(received.body());
            } catch (java.io.IOException unreadable) {
                throw new AssertionError(unreadable);
            }
        }).filter(body -> body.path("instance_id").asText().equals(instanceId)).map(body -> body.path("to_status").asText()).toList();
    }

    private Set<String> acceptedIds() {
        return receiver.accepted().stream().map(WebhookReceiver.Received::eventId).collect(Collectors.toSet());
    }

    private Set<String> eventIds(String instanceId) {
        return Set.copyOf(database.jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT CAST(id AS text) FROM instance_event WHERE 'DE-' || instance_id = :id")
                .bind("id", instanceId).mapTo(String.class).list()));
    }

    /** What a receiver does: the HMAC-SHA256 of the time, a dot and the body, compared in constant time. */
    private static boolean verifies(String header, byte[] body) throws Exception {
        Map<String, String> parts = java.util.Arrays.stream(header.split(","))
                .map(part -> part.split("=", 2)).collect(Collectors.toMap(part -> part[0], part -> part[1]));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((parts.get("t") + ".").getBytes(StandardCharsets.US_ASCII));
        byte[] expected = mac.doFinal(body);
        return MessageDigest.isEqual(expected, HexFormat.of().parseHex(parts.get("v1")));
    }

    private static double metric(Server server, String name) {
        String metrics = new Client(server.port(), "dev-token").get("/metrics").body();
        return metrics.lines().filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).findFirst().orElse(-1);
    }
}
