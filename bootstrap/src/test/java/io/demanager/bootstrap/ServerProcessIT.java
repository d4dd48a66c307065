package io.demanager.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.demanager.bootstrap.config.Variable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.demanager.bootstrap.Eventually.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged server run as {@code java -jar bootstrap/target/demanager-server.jar}, in a process of its own, on a
 * fresh data directory: it becomes ready, keeps its data across a restart, answers every request in flight when it
 * is told to stop (SIGTERM), and says what is wrong with a configuration it cannot use.
 */
class ServerProcessIT {

    private static final String SECRET_TOKEN = "a-secret-token-7f3c";
    private static final String INSTANCES = "/v1/ops/demanager/instances";
    private static final int IN_FLIGHT = 50;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    @Test
    void helpListsEveryVariable() {
        try (ServerProcess help = ServerProcess.start(work, Map.of(), "--help")) {
            assertThat(help.awaitExit(Duration.ofSeconds(30))).isZero();
            assertThat(help.output()).contains(Arrays.stream(Variable.values()).map(Enum::name).toList());
        }
    }

    @Test
    void aBadValueStopsTheServerAtOnceNamingItsVariable() {
        try (ServerProcess refused = ServerProcess.start(work, Map.of("DEMANAGER_PORT", "http", "DEMANAGER_LOG_FORMAT", "yaml"))) {
            assertThat(refused.awaitExit(Duration.ofSeconds(30))).isEqualTo(2);
            assertThat(refused.errors()).contains("DEMANAGER_PORT: 'http' is not a whole number from 1 to 65535",
                    "DEMANAGER_LOG_FORMAT: 'yaml' is not text or json");
        }
    }

    @Test
    void startsFreshKeepsItsDataAcrossARestartAndAnswersEveryRequestInFlightWhenTerminated() throws Exception {
        Path tokens = Files.writeString(work.resolve("tokens.json"), """
                {"tokens": [{"token": "%s", "user": {"id": "u-ops", "name": "ops"}, "projects": ["ops"]}]}""".formatted(SECRET_TOKEN));
        int port = FreePorts.any();
        Map<String, String> environment = Map.of(
                "DEMANAGER_PORT", String.valueOf(port),
                "DEMANAGER_DATA_DIR", work.resolve("data").toString(),
                "DEMANAGER_TOKENS_FILE", tokens.toString(),
                "DEMANAGER_LOG_FORMAT", "json",
                // The requests in flight pause mid-body on purpose, slower than the default minimum rate allows, and
                // all complete at once: one user's bound on requests at once is not what this test is about.
                "DEMANAGER_HTTP_MIN_REQUEST_RATE", "0",
                "DEMANAGER_HTTP_CONCURRENT_REQUESTS_PER_USER", String.valueOf(IN_FLIGHT));
        Client client = new Client(port, SECRET_TOKEN);

        String first;
        try (ServerProcess server = ServerProcess.start(work, environment)) {
            server.awaitReady(client);
            first = client.post(INSTANCES, create("first")).json().path("id").asText();

            List<HalfSentRequest> inFlight = new ArrayList<>();
            for (int n = 0; n < IN_FLIGHT; n++) {
                inFlight.add(HalfSentRequest.post(port, INSTANCES, SECRET_TOKEN, create("in-flight-" + n)));
            }
            // Their bodies are read as they arrive, before any worker takes them (BufferedBodies), so no metric counts
            // them yet: a moment lets the server take their heads, and with them the promise to answer.
            Thread.sleep(1_000);
            inFlight.forEach(HalfSentRequest::sendOneMoreByte);

            long terminated = System.nanoTime();
            server.terminate();
            waitUntil("the server takes no new connection", () -> !accepts(port));
            inFlight.forEach(HalfSentRequest::sendTheRest);
            List<Integer> answers = inFlight.stream().map(HalfSentRequest::status).toList();
            int exitCode = server.awaitExit(Duration.ofSeconds(10));
            Duration toExit = Duration.ofNanos(System.nanoTime() - terminated);
            inFlight.forEach(HalfSentRequest::close);

            assertThat(answers).hasSize(IN_FLIGHT).containsOnly(200);
            assertThat(toExit).isLessThan(Duration.ofSeconds(10));
            assertThat(exitCode).as(server.errors()).isIn(0, 143);
            assertLogsAreJsonWithRequestLinesAndNoSecret(server.output() + server.errors(), first);
        }

        try (ServerProcess restarted = ServerProcess.start(work, environment)) {
            restarted.awaitReady(client);

            assertThat(client.get(INSTANCES + "/" + first).json().path("name").asText()).isEqualTo("first");
            assertThat(client.get(INSTANCES + "?de_type=Notebook").json().path("total_count").asInt()).isEqualTo(IN_FLIGHT + 1);
            restarted.terminate();
            assertThat(restarted.awaitExit(Duration.ofSeconds(10))).isIn(0, 143);
        }
    }

    private static boolean accepts(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (ConnectException refused) {
            return false;
        } catch (IOException other) {
            throw new AssertionError(other);
        }
    }

    /** Flat ECS JSON: what a log pipeline reads without mapping, numbers as numbers and times in ISO 8601. */
    private static void assertLogsAreJsonWithRequestLinesAndNoSecret(String logs, String createdId) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : logs.split("\n")) {
            if (!line.isBlank()) {
                lines.add(JSON.readTree(line));
            }
        }
        assertThat(lines).allSatisfy(line -> {
            assertThat(Instant.parse(line.path("@timestamp").asText())).isNotNull();
            assertThat(line.path("log.level").asText()).isIn("TRACE", "DEBUG", "INFO", "WARN", "ERROR");
            assertThat(line.path("ecs.version").asText()).isNotBlank();
        });
        assertThat(lines).anySatisfy(line -> {
            assertThat(line.path("log.logger").asText()).isEqualTo("io.demanager.adapter.http.RequestLog");
            assertThat(line.path("duration_ms").isIntegralNumber()).as(line.toString()).isTrue();
            assertThat(line.path("status").intValue()).isEqualTo(200);
            assertThat(line.path("message").asText()).isEqualTo("POST /v1/{project_id}/demanager/instances 200 "
                    + line.path("duration_ms").asLong() + " ms");
            assertThat(line.path("request_id").asText()).isNotBlank();
            assertThat(line.path("project_id").asText()).isEqualTo("ops");
        });
        assertThat(lines).anySatisfy(line -> assertThat(line.path("message").asText())
                .startsWith("Starting demanager " + System.getProperty("demanager.version") + ": "));
        assertThat(lines).anySatisfy(line -> {
            assertThat(line.path("log.logger").asText()).isEqualTo("io.demanager.bootstrap.logging.StatusChangeLog");
            assertThat(line.path("instance_id").asText()).isEqualTo(createdId);
            assertThat(line.path("project_id").asText()).isEqualTo("ops");
            assertThat(line.has("from_status")).isFalse();
            assertThat(line.path("to_status").asText()).isEqualTo("CREATING");
            assertThat(line.path("cause").asText()).isEqualTo("USER_REQUEST");
        });
        assertThat(logs).doesNotContain(SECRET_TOKEN);
    }

    private static String create(String name) {
        return """
                {"name": "%s", "profile_id": "Python3", "flavor": "modelarts.vm.cpu.2u", "spec": {"storage": {"type": "evs"}}}"""
                .formatted(name);
    }
}
