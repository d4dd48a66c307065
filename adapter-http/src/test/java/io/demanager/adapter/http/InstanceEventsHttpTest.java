package io.demanager.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.demanager.domain.instance.FailedReason;
import io.demanager.domain.instance.RuntimeEvent;
import io.vavr.collection.HashMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.demanager.adapter.http.ApiServer.instancePath;
import static io.demanager.testkit.TestNotebooks.ACCESS;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET .../instances/{instance_id}/events}: why an instance is in its status. */
class InstanceEventsHttpTest {

    @RegisterExtension
    static final ApiServer server = ApiServer.start();
    private static ApiClient client;

    @BeforeAll
    static void start() {
        client = server.client;
    }

    @Test
    void everyChangeOfStatusIsListedNewestFirstWithItsCauseTimeAndVersion() {
        String project = ApiServer.newProject();
        Instant createdAt = server.clock.instant();
        String id = server.create(project, Bodies.create("explained"));
        server.clock.advance(Duration.ofSeconds(30));
        Instant ranAt = server.clock.instant();
        server.report(project, id, new RuntimeEvent.Created(ACCESS));
        server.clock.advance(Duration.ofSeconds(30));
        Instant stoppedAt = server.clock.instant();
        assertThat(client.post(instancePath(project, id) + "/action", Bodies.action("stop")).status()).isEqualTo(200);

        ApiResponse answer = client.get(events(project, id));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("total_count").asLong()).isEqualTo(3);
        assertThat(lines(answer.json())).containsExactly(
                "RUNNING -> STOPPING by USER_REQUEST at " + stoppedAt.toEpochMilli() + " v2",
                "CREATING -> RUNNING by RUNTIME_PROGRESS at " + ranAt.toEpochMilli() + " v1",
                "(none) -> CREATING by USER_REQUEST at " + createdAt.toEpochMilli() + " v0");
        assertThat(answer.json().path("events").get(2).has("from_status")).isFalse();
    }

    @Test
    void aFailureReportedByTheRuntimeIsListedAsAFailure() {
        String project = ApiServer.newProject();
        String id = server.create(project, Bodies.create("failing"));
        server.report(project, id, new RuntimeEvent.CreateFailed(new FailedReason("ModelArts.6404", "No image.", HashMap.empty())));

        JsonNode newest = client.get(events(project, id) + "?limit=1").json().path("events").get(0);

        assertThat(newest.path("to_status").asText()).isEqualTo("CREATE_FAILED");
        assertThat(newest.path("cause").asText()).isEqualTo("FAILURE");
    }

    @Test
    void offsetAndLimitChooseThePageAndTheTotalCountsEveryEvent() {
        String project = ApiServer.newProject();
        String id = server.create(project, Bodies.create("paged"));
        server.report(project, id, new RuntimeEvent.Created(ACCESS));
        client.post(instancePath(project, id) + "/action", Bodies.action("stop"));
        server.report(project, id, new RuntimeEvent.Stopped());
        List<String> all = lines(client.get(events(project, id)).json());

        ApiResponse middle = client.get(events(project, id) + "?offset=1&limit=2");
        ApiResponse beyond = client.get(events(project, id) + "?offset=4");

        assertThat(all).hasSize(4);
        assertThat(middle.json().path("total_count").asLong()).isEqualTo(4);
        assertThat(lines(middle.json())).containsExactlyElementsOf(all.subList(1, 3));
        assertThat(beyond.json().path("total_count").asLong()).isEqualTo(4);
        assertThat(beyond.json().path("events").size()).isZero();
    }

    @Test
    void anInstanceOfAnotherProjectOrAnUnknownOneIs6309() {
        String project = ApiServer.newProject();
        String id = server.create(project, Bodies.create("private"));

        assertThat(client.get(events(ApiServer.newProject(), id)).errorCode()).isEqualTo("ModelArts.6309");
        assertThat(client.get(events(project, "DE-00000000-0000-0000-0000-0000ffffffff")).errorCode()).isEqualTo("ModelArts.6309");
        assertThat(client.get(events(project, "not-an-id")).errorCode()).isEqualTo("ModelArts.6309");
    }

    @Test
    void aBadPageIsRefusedNamingIt() {
        String project = ApiServer.newProject();
        String id = server.create(project, Bodies.create("strict"));

        assertRefused(events(project, id) + "?offset=first", "ModelArts.6332", "'offset' parameter must be of the 'integer' type");
        assertRefused(events(project, id) + "?limit=-1", "ModelArts.6336", "'limit' property value is incorrect.");
        assertRefused(events(project, id) + "?limit=1&limit=2", "ModelArts.6336", "'limit' property value is incorrect.");
    }

    private static void assertRefused(String path, String code, String message) {
        ApiResponse refused = client.get(path);

        assertThat(refused.status()).as(path).isEqualTo(400);
        assertThat(refused.errorCode()).as(path).isEqualTo(code);
        assertThat(refused.errorMessage()).as(path).contains(message);
    }

    private static String events(String project, String instanceId) {
        return instancePath(project, instanceId) + "/events";
    }

    private static List<String> lines(JsonNode page) {
        List<String> lines = new ArrayList<>();
        page.path("events").forEach(event -> lines.add(event.path("from_status").asText("(none)") + " -> "
                + event.path("to_status").asText() + " by " + event.path("cause").asText()
                + " at " + event.path("timestamp").asLong() + " v" + event.path("version").asLong()));
        return lines;
    }
}
