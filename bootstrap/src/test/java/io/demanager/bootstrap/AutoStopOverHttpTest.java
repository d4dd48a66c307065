package io.demanager.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import io.demanager.adapter.persistence.postgres.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static io.demanager.bootstrap.Eventually.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole server through its HTTP API, started from its configuration over PostgreSQL: the routes, the use cases,
 * the simulated runtime and the auto-stop worker. The auto-stop bounds are configured short (1 to 10 seconds) so that
 * a lease runs out during the test. Two servers share the database, as replicas would; the second one's runtime
 * always fails.
 */
class AutoStopOverHttpTest {

    private static final String FAILING_FLAVOR = "modelarts.vm.cpu.8u";
    /** No warning before the stop: the events here are the lifecycle's alone. */
    private static final Map<String, String> SHORT_BOUNDS_AND_QUICK_RUNTIME = Map.of(
            "DEMANAGER_LEASE_WARNING_SECONDS", "0",
            "DEMANAGER_AUTO_STOP_MIN_SECONDS", "1",
            "DEMANAGER_AUTO_STOP_MAX_SECONDS", "10",
            "DEMANAGER_AUTO_STOP_BATCH_SIZE", "10",
            "DEMANAGER_AUTO_STOP_INTERVAL_MS", "100",
            "DEMANAGER_RUNTIME_DELAY_MS", "50");

    private static TestDatabase database;
    private static Server first;
    private static Server second;
    private static Client server;
    private static Client failingServer;

    @BeforeAll
    static void startTwoServers() {
        database = TestDatabase.migrated();
        first = TestServers.start(database, with(SHORT_BOUNDS_AND_QUICK_RUNTIME, "DEMANAGER_RUNTIME_FAILING_FLAVORS", FAILING_FLAVOR));
        second = TestServers.start(database, with(SHORT_BOUNDS_AND_QUICK_RUNTIME, "DEMANAGER_RUNTIME_FAILURE_RATE", "1"));
        server = new Client(first.port(), "dev-token");
        failingServer = new Client(second.port(), "dev-token");
    }

    @AfterAll
    static void stopThem() {
        second.close();
        first.close();
        database.close();
    }

    @Test
    void anInstanceCreatedWithAutoStopStopsByItselfWhenItsLeaseEndsAndItsEventsSayWhy() {
        JsonNode created = server.post(instances(), """
                {"name": "short-lived", "profile_id": "Python3", "flavor": "modelarts.vm.cpu.2u",
                 "spec": {"storage": {"type": "evs"}, "auto_stop": {"enable": true, "duration": 2}}}""").json();
        String instance = instances() + "/" + created.path("id").asText();
        assertThat(created.path("status").asText()).isEqualTo("CREATING");

        waitUntil("it runs", () -> status(instance).equals("RUNNING"));
        long stopTimestamp = get(instance).path("spec").path("auto_stop").path("stop_timestamp").asLong();
        waitUntil("it stops by itself", () -> status(instance).equals("STOPPED"));

        JsonNode events = get(instance + "/events").path("events");
        assertThat(events.size()).isEqualTo(4);
        assertThat(describe(events.get(0))).isEqualTo("STOPPING -> STOPPED by RUNTIME_PROGRESS");
        assertThat(describe(events.get(1))).isEqualTo("RUNNING -> STOPPING by AUTO_STOP");
        assertThat(events.get(1).path("timestamp").asLong()).isGreaterThanOrEqualTo(stopTimestamp);
        assertThat(describe(events.get(2))).isEqualTo("CREATING -> RUNNING by RUNTIME_PROGRESS");
        assertThat(stopTimestamp - events.get(2).path("timestamp").asLong()).isEqualTo(2_000);
        assertThat(describe(events.get(3))).isEqualTo(" -> CREATING by USER_REQUEST");
    }

    @Test
    void theConfiguredBoundsAreTheOnesEnforcedAndNamed() {
        JsonNode refused = server.post(instances(), """
                {"name": "too-long", "profile_id": "Python3", "flavor": "modelarts.vm.cpu.2u",
                 "spec": {"storage": {"type": "evs"}, "auto_stop": {"enable": true, "duration": 3600}}}""").json();

        assertThat(refused.path("error_code").asText()).isEqualTo("ModelArts.6349");
        assertThat(refused.path("error_message").asText()).isEqualTo("The 'duration' parameter is incorrect. The value ranges from 1 to 10.");
    }

    @Test
    void aCreationTheRuntimeFailsShowsCreateFailedWithItsErrorCodeAndReasons() {
        JsonNode created = server.post(instances(), """
                {"name": "never-created", "profile_id": "Python3", "flavor": "%s", "spec": {"storage": {"type": "evs"}}}"""
                .formatted(FAILING_FLAVOR)).json();
        String instance = instances() + "/" + created.path("id").asText();

        waitUntil("the creation fails", () -> status(instance).equals("CREATE_FAILED"));

        JsonNode failed = get(instance);
        assertThat(failed.path("error_code").asText()).isEqualTo("Simulated.CreateFailed");
        assertThat(failed.path("spec").path("failed_reasons").path("code").asText()).isEqualTo("Simulated.CreateFailed");
        assertThat(failed.path("spec").path("failed_reasons").path("message").asText())
                .isEqualTo("The simulated runtime could not create the notebook.");
        assertThat(failed.path("spec").path("failed_reasons").path("detail").path("flavor").asText()).isEqualTo(FAILING_FLAVOR);
        assertThat(describe(get(instance + "/events").path("events").get(0))).isEqualTo("CREATING -> CREATE_FAILED by FAILURE");
    }

    @Test
    void aStartTheRuntimeFailsShowsStartFailedWithItsErrorCodeOnEveryServer() {
        JsonNode created = server.post(instances(), """
                {"name": "cannot-restart", "profile_id": "Python3", "flavor": "modelarts.vm.cpu.2u", "spec": {"storage": {"type": "evs"}}}""").json();
        String instance = instances() + "/" + created.path("id").asText();
        waitUntil("it runs", () -> status(instance).equals("RUNNING"));
        server.post(instance + "/action", "{\"action\": \"stop\"}");
        waitUntil("it stops", () -> status(instance).equals("STOPPED"));

        JsonNode started = failingServer.post(instance + "/action", "{\"action\": \"start\"}").json();
        assertThat(started.path("current_status").asText()).isEqualTo("STARTING");
        waitUntil("the start fails", () -> status(instance).equals("START_FAILED"));

        JsonNode failed = get(instance);
        assertThat(failed.path("error_code").asText()).isEqualTo("Simulated.StartFailed");
        assertThat(failed.path("spec").path("failed_reasons").path("detail").path("why").asText()).isEqualTo("failure rate 1.0");
        assertThat(describe(get(instance + "/events").path("events").get(0))).isEqualTo("STARTING -> START_FAILED by FAILURE");
    }

    private static Map<String, String> with(Map<String, String> variables, String name, String value) {
        var all = new HashMap<>(variables);
        all.put(name, value);
        return all;
    }

    private static String instances() {
        return "/v1/demo-project/demanager/instances";
    }

    private static String status(String instance) {
        return get(instance).path("status").asText();
    }

    private static JsonNode get(String path) {
        return server.get(path).json();
    }

    private static String describe(JsonNode event) {
        return event.path("from_status").asText() + " -> " + event.path("to_status").asText() + " by " + event.path("cause").asText();
    }
}
