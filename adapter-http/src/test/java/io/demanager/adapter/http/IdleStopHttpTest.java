package io.demanager.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.demanager.domain.idle.NotebookActivity;
import io.demanager.domain.instance.InstanceId;
import io.vavr.collection.List;
import io.vavr.control.Option;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.demanager.adapter.http.ApiServer.instancePath;
import static io.demanager.adapter.http.ApiServer.instancesPath;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code spec.idle_stop} on create and modify, and {@code GET .../activity}, with the server's default rule: idle
 * times 600 to 86400 s, a minimum running time of 600 s, the warning 300 s before the stop.
 */
class IdleStopHttpTest {

    @RegisterExtension
    static final ApiServer server = ApiServer.start();
    private static ApiClient client;

    @BeforeAll
    static void start() {
        client = server.client;
    }

    @Test
    void idleStopGivenAtCreationIsShownInTheDetailAndTheList() {
        String project = ApiServer.newProject();

        String id = server.create(project, withIdleStop("watched", "{\"enable\": true, \"idle_seconds\": 1800}"));
        String other = server.create(project, Bodies.create("left-alone"));

        assertThat(idleStop(client.get(instancePath(project, id)).json()).toString())
                .isEqualTo("{\"enable\":true,\"idle_seconds\":1800}");
        assertThat(idleStop(client.get(instancePath(project, other)).json()).toString()).isEqualTo("{\"enable\":false}");
        JsonNode listed = client.get(instancesPath(project) + "?de_type=Notebook&sortby=name&order=desc").json().path("instances");
        assertThat(listed.path(0).path("id").asText()).isEqualTo(id);
        assertThat(idleStop(listed.path(0)).toString()).isEqualTo("{\"enable\":true,\"idle_seconds\":1800}");
        assertThat(idleStop(listed.path(1)).toString()).isEqualTo("{\"enable\":false}");
    }

    @Test
    void modifyChangesIdleStopAndLeavesItAsItIsWhenOmitted() {
        String project = ApiServer.newProject();
        String id = server.create(project, Bodies.create("modified"));

        ApiResponse enabled = client.put(instancePath(project, id), "{\"spec\": {\"idle_stop\": {\"enable\": true, \"idle_seconds\": 900}}}");
        ApiResponse described = client.put(instancePath(project, id), "{\"description\": \"still watched\"}");
        ApiResponse disabled = client.put(instancePath(project, id), "{\"spec\": {\"idle_stop\": {\"enable\": false}}}");
        ApiResponse reenabled = client.put(instancePath(project, id), "{\"spec\": {\"idle_stop\": {\"enable\": true}}}");

        assertThat(enabled.status()).as(enabled.body()).isEqualTo(200);
        assertThat(idleStop(enabled.json()).toString()).isEqualTo("{\"enable\":true,\"idle_seconds\":900}");
        assertThat(idleStop(described.json()).toString()).isEqualTo("{\"enable\":true,\"idle_seconds\":900}");
        assertThat(described.json().path("spec").path("auto_stop").path("enable").asBoolean()).isFalse();
        assertThat(idleStop(disabled.json()).toString()).isEqualTo("{\"enable\":false,\"idle_seconds\":900}");
        assertThat(idleStop(reenabled.json()).toString()).isEqualTo("{\"enable\":true,\"idle_seconds\":900}");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            {"enable": true, "idle_seconds": 599}    | ModelArts.6336 | 'spec.idle_stop.idle_seconds' property value is incorrect. The value ranges from 600 to 86400.
            {"enable": true, "idle_seconds": 86401}  | ModelArts.6336 | 'spec.idle_stop.idle_seconds' property value is incorrect. The value ranges from 600 to 86400.
            {"idle_seconds": -5}                     | ModelArts.6336 | 'spec.idle_stop.idle_seconds' property value is incorrect. The value ranges from 600 to 86400.
            {"enable": true}                         | ModelArts.6335 | 'spec.idle_stop.idle_seconds' is a required property.
            {"enable": true, "idle_seconds": "900"}  | ModelArts.6332 | Incorrect parameter type. The 'spec.idle_stop.idle_seconds' parameter must be of the 'integer' type.
            {"enable": "yes", "idle_seconds": 900}   | ModelArts.6332 | Incorrect parameter type. The 'spec.idle_stop.enable' parameter must be of the 'boolean' type.
            {"enable": true, "idle_seconds": 900, "after": 1} | ModelArts.6336 | 'spec.idle_stop.after' property value is incorrect.
            """)
    void aBadIdleStopIsRefusedNamingTheFieldAndChangesNothing(String idleStop, String code, String message) {
        String project = ApiServer.newProject();
        String id = server.create(project, Bodies.create("kept"));
        ApiResponse before = client.get(instancePath(project, id));

        ApiResponse refusedModify = client.put(instancePath(project, id), "{\"description\": \"changed\", \"spec\": {\"idle_stop\": "
                + idleStop + "}}");
        ApiResponse refusedCreate = client.post(instancesPath(project), withIdleStop("refused", idleStop));

        for (ApiResponse refused : java.util.List.of(refusedModify, refusedCreate)) {
            ErrorBodies.assertWellFormed(refused);
            assertThat(refused.errorCode()).isEqualTo(code);
            assertThat(refused.errorMessage()).isEqualTo(message);
        }
        assertThat(client.get(instancePath(project, id)).body()).isEqualTo(before.body());
        assertThat(client.get(instancesPath(project) + "?de_type=Notebook").json().path("total_count").asInt()).isEqualTo(1);
    }

    @Test
    void theActivityShowsEachSignalTheRuleAndWhenTheInstanceWouldStop() {
        String project = ApiServer.newProject();
        String id = server.createRunning(project, "judged");
        client.put(instancePath(project, id), "{\"spec\": {\"idle_stop\": {\"enable\": true, \"idle_seconds\": 1800}}}");
        server.clock.advance(Duration.ofMinutes(10));
        Instant now = server.clock.instant();
        Instant kernelIdleSince = now.minusSeconds(60);
        server.runtime.reportsActivity(instanceId(id), new NotebookActivity(
                List.of(new NotebookActivity.Kernel("kernel-1", false, kernelIdleSince)),
                List.of(new NotebookActivity.Terminal("1", Option.some(now.minusSeconds(120))))));

        ApiResponse answer = client.get(instancePath(project, id) + "/activity");

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode activity = answer.json();
        assertThat(activity.path("readable").asBoolean()).isTrue();
        assertThat(activity.path("kernels").toString()).isEqualTo("[{\"id\":\"kernel-1\",\"execution_state\":\"idle\","
                + "\"last_activity\":" + kernelIdleSince.toEpochMilli() + "}]");
        assertThat(activity.path("terminals").path(0).path("last_activity").asLong())
                .isEqualTo(now.minusSeconds(120).toEpochMilli());
        assertThat(activity.path("last_activity").asLong()).isEqualTo(kernelIdleSince.toEpochMilli());
        assertThat(activity.path("rule").toString()).isEqualTo("{\"enable\":true,\"idle_seconds\":1800,"
                + "\"minimum_running_seconds\":600,\"warning_seconds\":300}");
        JsonNode decision = activity.path("decision");
        Instant stopAt = kernelIdleSince.plusSeconds(1800);
        assertThat(decision.path("will_stop").asBoolean()).isTrue();
        assertThat(decision.path("reason").asText()).isEqualTo("IDLE");
        assertThat(decision.path("idle_since").asLong()).isEqualTo(kernelIdleSince.toEpochMilli());
        assertThat(decision.path("stop_timestamp").asLong()).isEqualTo(stopAt.toEpochMilli());
        assertThat(decision.path("warning_timestamp").asLong()).isEqualTo(stopAt.minusSeconds(300).toEpochMilli());
        assertThat(decision.path("warned").asBoolean()).isFalse();
        assertThat(decision.path("message").asText()).isEqualTo("Would stop at " + stopAt + " because nothing happened since "
                + kernelIdleSince + " (idle for 1800 s); to be warned at " + stopAt.minusSeconds(300) + ".");
    }

    @Test
    void theActivitySaysWhyAnInstanceWillNotStop() {
        String project = ApiServer.newProject();
        String busy = server.createRunning(project, "busy");
        String unreadable = server.createRunning(project, "unreadable");
        String disabled = server.createRunning(project, "disabled");
        for (String id : java.util.List.of(busy, unreadable)) {
            client.put(instancePath(project, id), "{\"spec\": {\"idle_stop\": {\"enable\": true, \"idle_seconds\": 600}}}");
        }
        server.runtime.reportsActivity(instanceId(busy), new NotebookActivity(
                List.of(new NotebookActivity.Kernel("k", true, server.clock.instant().minus(Duration.ofHours(3)))), List.empty()));
        server.runtime.reportsActivity(instanceId(disabled), new NotebookActivity(List.empty(), List.empty()));

        JsonNode busyDecision = client.get(instancePath(project, busy) + "/activity").json();
        JsonNode unreadableDecision = client.get(instancePath(project, unreadable) + "/activity").json();
        JsonNode disabledDecision = client.get(instancePath(project, disabled) + "/activity").json();

        assertThat(busyDecision.path("kernels").path(0).path("execution_state").asText()).isEqualTo("busy");
        assertThat(busyDecision.path("decision").toString()).isEqualTo("{\"will_stop\":false,\"reason\":\"KERNEL_BUSY\","
                + "\"message\":\"Will not stop for idleness: a kernel is running code.\"}");
        assertThat(unreadableDecision.path("readable").asBoolean()).isFalse();
        assertThat(unreadableDecision.has("kernels")).isFalse();
        assertThat(unreadableDecision.path("decision").path("reason").asText()).isEqualTo("ACTIVITY_UNREADABLE");
        assertThat(unreadableDecision.path("decision").path("message").asText())
                .isEqualTo("Will not stop for idleness: the notebook's activity cannot be read now.");
        assertThat(disabledDecision.path("readable").asBoolean()).isTrue();
        assertThat(disabledDecision.path("decision").path("reason").asText()).isEqualTo("DISABLED");
        assertThat(disabledDecision.path("rule").path("enable").asBoolean()).isFalse();
    }

    @Test
    void aNotebookWithNothingOpenIsIdleSinceItsRunBegan() {
        String project = ApiServer.newProject();
        String id = server.createRunning(project, "fresh");
        client.put(instancePath(project, id), "{\"spec\": {\"idle_stop\": {\"enable\": true, \"idle_seconds\": 600}}}");
        server.runtime.reportsActivity(instanceId(id), new NotebookActivity(List.empty(), List.empty()));

        JsonNode activity = client.get(instancePath(project, id) + "/activity").json();

        long runningSince = activity.path("running_since").asLong();
        assertThat(activity.path("decision").path("will_stop").asBoolean()).isTrue();
        assertThat(activity.path("decision").path("idle_since").asLong()).isEqualTo(runningSince);
        assertThat(activity.path("decision").path("stop_timestamp").asLong()).isEqualTo(runningSince + 600_000);
    }

    @Test
    void theActivityOfAnInstanceTheCallerCannotSeeIsRefused() {
        String project = ApiServer.newProject();

        ApiResponse unknown = client.get(instancePath(project, UUID.randomUUID().toString()) + "/activity");
        ApiResponse forbidden = client.get(instancePath(ApiServer.forbiddenProject(), UUID.randomUUID().toString()) + "/activity");

        ErrorBodies.assertWellFormed(unknown);
        assertThat(unknown.errorCode()).isEqualTo("ModelArts.6309");
        ErrorBodies.assertWellFormed(forbidden);
        assertThat(forbidden.status()).isEqualTo(403);
    }

    private static String withIdleStop(String name, String idleStop) {
        return """
                {"name": "%s", "profile_id": "%s", "flavor": "%s", "spec": {"storage": {"type": "evs"}, "idle_stop": %s}}
                """.formatted(name, Bodies.CPU_PROFILE, Bodies.CPU_FLAVOR, idleStop);
    }

    private static JsonNode idleStop(JsonNode instance) {
        return instance.path("spec").path("idle_stop");
    }

    private static InstanceId instanceId(String id) {
        return InstanceId.parse(id).get();
    }
}
