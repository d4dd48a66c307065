package io.demanager.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.demanager.adapter.http.CallerIdentity;
import io.demanager.adapter.http.HttpApi;
import io.demanager.adapter.http.InstanceUseCases;
import io.demanager.adapter.persistence.catalog.JsonCatalog;
import io.demanager.adapter.persistence.postgres.PostgresDatabase;
import io.demanager.adapter.persistence.postgres.PostgresInstanceStore;
import io.demanager.adapter.persistence.postgres.TestDatabase;
import io.demanager.application.fakes.InstanceBuilder;
import io.demanager.bootstrap.autostop.AutoStopEngineSettings;
import io.demanager.bootstrap.runtime.SimulatedRuntimeSettings;
import io.demanager.domain.autostop.AutoStopPolicy;
import io.javalin.Javalin;
import io.vavr.collection.HashSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.crypto.SecretKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

import static io.demanager.bootstrap.Eventually.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole server through its HTTP API, from real parts over PostgreSQL: the routes, the use cases, the simulated
 * runtime and the auto-stop worker. The auto-stop bounds are configured short (1 to 10 seconds) so that a lease runs
 * out during the test. Two servers share the database, as replicas would; the second one's runtime always fails.
 */
class AutoStopOverHttpTest {

    private static final String FAILING_FLAVOR = "modelarts.vm.cpu.8u";
    private static final AutoStopPolicy SHORT_BOUNDS = new AutoStopPolicy(Duration.ofSeconds(1), Duration.ofSeconds(10));
    private static final AutoStopEngineSettings ENGINE = new AutoStopEngineSettings(10, Duration.ofMillis(100));
    private static final Duration RUNTIME_DELAY = Duration.ofMillis(50);
    private static final String PROJECT = InstanceBuilder.PROJECT.value();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** Closed last opened first. */
    private static final Deque<AutoCloseable> TO_CLOSE = new ArrayDeque<>();
    private static TestDatabase database;
    private static String server;
    private static String failingServer;

    @BeforeAll
    static void startTwoServers() {
        database = TestDatabase.migrated();
        SecretKey credentialKey = TestDatabase.newCredentialKey();
        server = start("server", new SimulatedRuntimeSettings(RUNTIME_DELAY, 0, HashSet.of(FAILING_FLAVOR)), credentialKey);
        failingServer = start("failing-server", new SimulatedRuntimeSettings(RUNTIME_DELAY, 1, HashSet.empty()), credentialKey);
    }

    @AfterAll
    static void stopThem() throws Exception {
        for (AutoCloseable closeable : TO_CLOSE) {
            closeable.close();
        }
        database.close();
    }

    @Test
    void anInstanceCreatedWithAutoStopStopsByItselfWhenItsLeaseEndsAndItsEventsSayWhy() {
        JsonNode created = send("POST", server, instances(), """
                {"name": "short-lived", "profile_id": "Python3", "flavor": "modelarts.vm.cpu.2u",
                 "spec": {"storage": {"type": "evs"}, "auto_stop": {"enable": true, "duration": 2}}}""");
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
        JsonNode refused = send("POST", server, instances(), """
                {"name": "too-long", "profile_id": "Python3", "flavor": "modelarts.vm.cpu.2u",
                 "spec": {"storage": {"type": "evs"}, "auto_stop": {"enable": true, "duration": 3600}}}""");

        assertThat(refused.path("error_code").asText()).isEqualTo("ModelArts.6349");
        assertThat(refused.path("error_message").asText()).isEqualTo("The 'duration' parameter is incorrect. The value ranges from 1 to 10.");
    }

    @Test
    void aCreationTheRuntimeFailsShowsCreateFailedWithItsErrorCodeAndReasons() {
        JsonNode created = send("POST", server, instances(), """
                {"name": "never-created", "profile_id": "Python3", "flavor": "%s", "spec": {"storage": {"type": "evs"}}}"""
                .formatted(FAILING_FLAVOR));
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
        JsonNode created = send("POST", server, instances(), """
                {"name": "cannot-restart", "profile_id": "Python3", "flavor": "modelarts.vm.cpu.2u", "spec": {"storage": {"type": "evs"}}}""");
        String instance = instances() + "/" + created.path("id").asText();
        waitUntil("it runs", () -> status(instance).equals("RUNNING"));
        send("POST", server, instance + "/action", "{\"action\": \"stop\"}");
        waitUntil("it stops", () -> status(instance).equals("STOPPED"));

        JsonNode started = send("POST", failingServer, instance + "/action", "{\"action\": \"start\"}");
        assertThat(started.path("current_status").asText()).isEqualTo("STARTING");
        waitUntil("the start fails", () -> status(instance).equals("START_FAILED"));

        JsonNode failed = get(instance);
        assertThat(failed.path("error_code").asText()).isEqualTo("Simulated.StartFailed");
        assertThat(failed.path("spec").path("failed_reasons").path("detail").path("why").asText()).isEqualTo("failure rate 1.0");
        assertThat(describe(get(instance + "/events").path("events").get(0))).isEqualTo("STARTING -> START_FAILED by FAILURE");
    }

    private static String start(String name, SimulatedRuntimeSettings runtime, SecretKey credentialKey) {
        PostgresDatabase pool = closeLater(database.connectAnotherPool(name));
        EngineNode node = closeLater(new EngineNode(PostgresInstanceStore.create(pool.dataSource(), credentialKey),
                JsonCatalog.fromClasspath(), SHORT_BOUNDS, runtime, ENGINE, lateness -> { }));
        node.resume.resume();
        node.worker.start();
        var useCases = new InstanceUseCases(node.create, node.list, node.get, node.modify, node.delete, node.manage,
                node.accessToken, node.events);
        Javalin app = HttpApi.create(useCases, CallerIdentity.always(InstanceBuilder.OWNER)).start("127.0.0.1", 0);
        closeLater(app::stop);
        return "http://127.0.0.1:" + app.port();
    }

    private static <T extends AutoCloseable> T closeLater(T closeable) {
        TO_CLOSE.push(closeable);
        return closeable;
    }

    private static String instances() {
        return "/v1/" + PROJECT + "/demanager/instances";
    }

    private static String status(String instance) {
        return get(instance).path("status").asText();
    }

    private static JsonNode get(String path) {
        return send("GET", server, path, null);
    }

    private static JsonNode send(String method, String base, String path, String json) {
        var request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            return JSON.readTree(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()).body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String describe(JsonNode event) {
        return event.path("from_status").asText() + " -> " + event.path("to_status").asText() + " by " + event.path("cause").asText();
    }
}
