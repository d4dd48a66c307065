package io.demanager.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import io.demanager.adapter.persistence.postgres.TestDatabase;
import io.demanager.adapter.runtime.process.JupyterInstalled;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static io.demanager.bootstrap.Eventually.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server on the process runtime, through its HTTP API: an instance is a real Jupyter Server that opens with the
 * token of the token route at the address of its document, and auto stop (bounds configured short) really stops it.
 */
class ProcessRuntimeOverHttpTest {

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
                "DEMANAGER_AUTO_STOP_MIN_SECONDS", "1",
                "DEMANAGER_AUTO_STOP_MAX_SECONDS", "60",
                "DEMANAGER_AUTO_STOP_INTERVAL_MS", "100"));
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
    void aRunningInstanceOpensWithItsTokenAndAutoStopReallyStopsItsNotebookOnTime() throws IOException {
        JsonNode created = client.post(instances(), """
                {"name": "real-and-short", "profile_id": "Python3", "flavor": "modelarts.vm.cpu.2u",
                 "spec": {"storage": {"type": "evs"}, "auto_stop": {"enable": true, "duration": 8}}}""").json();
        String id = created.path("id").asText();
        String instance = instances() + "/" + id;
        waitUntil("it runs", () -> status(instance).equals("RUNNING"));

        JsonNode running = client.get(instance).json();
        String url = running.path("spec").path("annotations").path("url").asText();
        String token = client.get(instance + "/token").json().path("token").asText();
        long stopTimestamp = running.path("spec").path("auto_stop").path("stop_timestamp").asLong();
        long pid = Long.parseLong(Files.readString(data.resolve("notebooks").resolve(id).resolve("notebook.pid")).strip());

        assertThat(JupyterProbe.status(url + "api/contents", token)).isEqualTo(200);
        assertThat(JupyterProbe.status(url + "api/contents", null)).isEqualTo(403);
        assertThat(running.path("spec").path("annotations").path("target_domain").asText()).isEqualTo(url.replaceAll("/$", ""));

        waitUntil("it stops by itself", () -> status(instance).equals("STOPPED"));

        assertThat(System.currentTimeMillis()).isGreaterThanOrEqualTo(stopTimestamp);
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).as("the Jupyter process").isNotEqualTo(java.util.Optional.of(true));
        assertThat(JupyterProbe.status(url + "api/status", token)).as("nothing answers on its port").isEqualTo(-1);
        JsonNode events = client.get(instance + "/events").json().path("events");
        assertThat(describe(events.get(1))).isEqualTo("RUNNING -> STOPPING by AUTO_STOP");
        assertThat(client.get(instance + "/token").json().path("error_code").asText()).isEqualTo("ModelArts.6327");

        client.send("DELETE", instance, null);
        waitUntil("its folder is removed", () -> !Files.exists(data.resolve("notebooks").resolve(id)));
    }

    private static String instances() {
        return "/v1/demo-project/demanager/instances";
    }

    private static String status(String instance) {
        return client.get(instance).json().path("status").asText();
    }

    private static String describe(JsonNode event) {
        return event.path("from_status").asText() + " -> " + event.path("to_status").asText() + " by " + event.path("cause").asText();
    }
}
