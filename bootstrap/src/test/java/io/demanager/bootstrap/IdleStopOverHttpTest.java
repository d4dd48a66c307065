package io.demanager.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import io.demanager.adapter.persistence.postgres.TestDatabase;
import io.demanager.adapter.runtime.process.JupyterInstalled;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.demanager.bootstrap.Eventually.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Idle stop on the process runtime, through the HTTP API, with the activity the real Jupyter Servers report: of two
 * notebooks given the same short idle time, the one whose kernel runs a long cell keeps running while the one nobody
 * uses is warned, then stopped with cause IDLE. The rule is configured short (idle times from 1 s, a 1 s minimum
 * running time, the warning 2 s before the stop, a look every 200 ms); the test waits for outcomes, not durations.
 */
class IdleStopOverHttpTest {

    private static final Duration PATIENCE = Duration.ofSeconds(120);

    @TempDir
    static Path data;
    private static TestDatabase database;
    private static Server server;
    private static Client client;

    @BeforeAll
    static void startAServerOfRealNotebooks() {
        JupyterInstalled.assume();
        database = TestDatabase.migrated();
        server = TestServers.start(database, Map.of(
                "DEMANAGER_RUNTIME", "process",
                "DEMANAGER_DATA_DIR", data.toString(),
                "DEMANAGER_NOTEBOOK_PORTS", "0",
                "DEMANAGER_NOTEBOOK_STOP_GRACE_SECONDS", "1",
                "DEMANAGER_NOTEBOOK_START_TIMEOUT_SECONDS", "120",
                "DEMANAGER_IDLE_STOP_MIN_SECONDS", "1",
                "DEMANAGER_IDLE_STOP_MAX_SECONDS", "60",
                "DEMANAGER_IDLE_STOP_MIN_RUNNING_SECONDS", "1",
                "DEMANAGER_IDLE_STOP_WARNING_SECONDS", "2",
                "DEMANAGER_IDLE_STOP_INTERVAL_MS", "200"));
        client = new Client(server.port(), "dev-token");
    }

    @AfterAll
    static void stopIt() {
        if (server != null) {
            server.close();
            database.close();
        }
    }

    @Test
    void aNotebookWhoseKernelRunsALongCellKeepsRunningWhileAnIdleOneIsWarnedThenStopped() {
        String busy = instances() + "/" + create("busy-cell");
        String idle = instances() + "/" + create("nobody-there");
        try {
            busyOneKeepsRunningWhileIdleOneStops(busy, idle);
        } finally {
            // Deleting stops what still runs, also when the test failed: no notebook is left behind.
            client.send("DELETE", busy, null);
            client.send("DELETE", idle, null);
        }
    }

    private void busyOneKeepsRunningWhileIdleOneStops(String busy, String idle) {
        waitUntil("both run", PATIENCE, () -> status(busy).equals("RUNNING") && status(idle).equals("RUNNING"));
        String url = client.get(busy).json().path("spec").path("annotations").path("url").asText();
        String token = client.get(busy + "/token").json().path("token").asText();

        try (JupyterKernel kernel = JupyterKernel.start(url, token)) {
            kernel.execute("import time; time.sleep(300)");
            waitUntil("the notebook reports its kernel busy", PATIENCE,
                    () -> activity(busy).path("kernels").path(0).path("execution_state").asText().equals("busy"));
            enableIdleStop(busy);
            enableIdleStop(idle);

            waitUntil("the idle notebook is stopped", PATIENCE, () -> status(idle).equals("STOPPED"));

            assertThat(status(busy)).isEqualTo("RUNNING");
            JsonNode busyActivity = activity(busy);
            assertThat(busyActivity.path("decision").path("reason").asText()).isEqualTo("KERNEL_BUSY");
            assertThat(busyActivity.path("decision").path("will_stop").asBoolean()).isFalse();
            assertThat(causes(busy)).doesNotContain("IDLE", "IDLE_ENDING");
        }
        List<JsonNode> oldestFirst = events(idle);
        List<String> idleCauses = oldestFirst.stream().map(IdleStopOverHttpTest::describe).toList();
        assertThat(idleCauses).containsSubsequence("RUNNING -> RUNNING by IDLE_ENDING", "RUNNING -> STOPPING by IDLE",
                "STOPPING -> STOPPED by RUNTIME_PROGRESS");
        assertThat(idleCauses.indexOf("RUNNING -> RUNNING by IDLE_ENDING"))
                .isEqualTo(idleCauses.indexOf("RUNNING -> STOPPING by IDLE") - 1);
        long warnedAt = timestampOf(oldestFirst, "IDLE_ENDING");
        long stoppedAt = timestampOf(oldestFirst, "IDLE");
        assertThat(stoppedAt - warnedAt).as("the warning comes its full time before the stop").isGreaterThanOrEqualTo(2_000);
        assertThat(activity(idle).path("decision").path("reason").asText()).isEqualTo("NOT_RUNNING");

        client.post(busy + "/action", "{\"action\": \"stop\"}");
        waitUntil("the busy notebook is stopped by its user", PATIENCE, () -> status(busy).equals("STOPPED"));
    }

    private static String create(String name) {
        JsonNode created = client.post(instances(), """
                {"name": "%s", "profile_id": "Python3", "flavor": "modelarts.vm.cpu.2u", "spec": {"storage": {"type": "evs"}}}"""
                .formatted(name)).json();
        return created.path("id").asText();
    }

    private static void enableIdleStop(String instance) {
        var answer = client.put(instance, "{\"spec\": {\"idle_stop\": {\"enable\": true, \"idle_seconds\": 3}}}");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    private static String instances() {
        return "/v1/demo-project/demanager/instances";
    }

    private static String status(String instance) {
        return client.get(instance).json().path("status").asText();
    }

    private static JsonNode activity(String instance) {
        return client.get(instance + "/activity").json();
    }

    /** The instance's events, oldest first. */
    private static List<JsonNode> events(String instance) {
        List<JsonNode> events = new ArrayList<>();
        client.get(instance + "/events?limit=100").json().path("events").forEach(event -> events.add(0, event));
        return events;
    }

    private static List<String> causes(String instance) {
        return events(instance).stream().map(event -> event.path("cause").asText()).toList();
    }

    private static long timestampOf(List<JsonNode> events, String cause) {
        return events.stream().filter(event -> event.path("cause").asText().equals(cause)).findFirst().orElseThrow()
                .path("timestamp").asLong();
    }

    private static String describe(JsonNode event) {
        return event.path("from_status").asText() + " -> " + event.path("to_status").asText() + " by " + event.path("cause").asText();
    }
}
