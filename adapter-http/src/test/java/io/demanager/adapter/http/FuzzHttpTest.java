package io.demanager.adapter.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.javalin.Javalin;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.regex.Pattern;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation of the OpenAPI document driven by generated requests: valid bodies, queries, paths and headers,
 * mutated at random (values of other types, missing and unknown fields, cut, flipped and inserted bytes, odd
 * encodings, other methods). Each request goes through the whole server in-process (Jetty's local connector: no
 * socket), and its answer must be no 5xx, and a well-formed error body whenever it is a refusal.
 * Two generators run at once (as many as the CI machine has cores), each seeded from {@code demanager.fuzz.seed}
 * (printed with the figures); the server logs only warnings meanwhile.
 * The 20,000 requests of a build reach every operation with every method, body mutation and header variant many
 * times over (the rarest pairing, an operation sent with one particular other method, about twenty times), and each
 * build draws a new seed, so builds add up to a longer campaign.
 * {@code -Ddemanager.fuzz.count=N} runs a longer one at once; {@code -Ddemanager.fuzz.seed=S} replays one.
 */
@Isolated("its generators keep every core busy; beside it, other classes would only wait for the processor")
class FuzzHttpTest {

    private static final int COUNT = Integer.getInteger("demanager.fuzz.count", 20_000);
    private static final long SEED = Long.getLong("demanager.fuzz.seed", System.nanoTime());
    private static final int THREADS = 2;
    private static final ObjectMapper ERROR_JSON = new ObjectMapper();
    private static final Pattern INTERNALS = Pattern.compile("(?i)exception|javalin|jetty|jackson|\tat ");
    private static final String SOME_ID = "DE-00000000-0000-0000-0000-000000000001";

    @RegisterExtension
    static final ApiServer server = ApiServer.start();

    /** One operation of the document, with the valid body it takes (none for those that take none). */
    private record Operation(String method, String template, List<String> queryParameters, String validBody) {
    }

    @Test
    void no_generated_request_gets_a_5xx_or_a_malformed_error_body() throws Exception {
        String project = ApiServer.newProject();
        String instance = server.createRunning(project, "fuzzed");
        List<Operation> operations = operations(new YAMLMapper().readTree(server.client.openApiDocument()));
        LocalConnector local = localConnector(server);
        Map<Integer, Integer> statuses = new ConcurrentSkipListMap<>();
        long start = System.nanoTime();
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int thread = 0; thread < THREADS; thread++) {
                var generator = new RequestGenerator(new Random(SEED + thread), project, instance);
                int count = COUNT / THREADS + (thread < COUNT % THREADS ? 1 : 0);
                runs.add(threads.submit(() -> {
                    for (int i = 0; i < count; i++) {
                        check(local, generator.next(operations.get(generator.random.nextInt(operations.size()))), statuses);
                    }
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            threads.shutdownNow();
            local.stop();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        System.out.printf("Fuzz: %d generated requests (seed %d) in %d ms, by status %s%n", COUNT, SEED, took.toMillis(), statuses);
        assertThat(statuses.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(COUNT);
        assertThat(statuses.keySet()).as("the generator reaches refusals and successes").contains(200, 400);
    }

    /** Checked by hand, and by the assertions only when it fails: they cost more than the request itself. */
    private static void check(LocalConnector local, String request, Map<Integer, Integer> statuses) throws Exception {
        RawHttp.Response response = RawHttp.parse(local.getResponse(request).getBytes(StandardCharsets.ISO_8859_1));
        statuses.merge(response.status(), 1, Integer::sum);
        boolean refusal = response.status() >= 400 && !request.startsWith("HEAD ");
        if (response.status() >= 500 || refusal && !looksWellFormed(response)) {
            assertThat(response.status()).as("seed %d:%n%s%n%s", SEED, request, response.body()).isLessThan(500);
            ErrorBodies.assertWellFormed(response.asApiResponse());
        }
    }

    private static boolean looksWellFormed(RawHttp.Response response) {
        try {
            JsonNode body = ERROR_JSON.readTree(response.body());
            return body.size() == 2 && body.path("error_code").asText().matches("ModelArts\\.\\d{4}")
                    && !body.path("error_message").asText().isBlank()
                    && !INTERNALS.matcher(body.path("error_message").asText()).find()
                    && response.headers().getOrDefault("content-type", List.of("")).get(0).startsWith("application/json");
        } catch (JsonProcessingException notJson) {
            return false;
        }
    }

    private static LocalConnector localConnector(ApiServer server) throws Exception {
        Javalin app = server.app();
        Server jetty = app.jettyServer().server();
        var local = new LocalConnector(jetty, jetty.getConnectors()[0].getConnectionFactory(HttpConnectionFactory.class));
        jetty.addConnector(local);
        local.start();
        return local;
    }

    private static List<Operation> operations(JsonNode document) {
        Map<String, String> validBodies = Map.of(
                "createInstance", Bodies.create("fuzz-made"),
                "modifyInstance", "{\"description\": \"changed\", \"spec\": {\"auto_stop\": {\"enable\": true, \"duration\": 7200}}}",
                "manageInstance", Bodies.action("stop"));
        List<Operation> operations = new ArrayList<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(method -> {
            // A valid request of the event stream is answered by a stream that does not end: its refusals are
            // EventStreamHttpTest's.
            if (method.getValue().has("operationId") && !method.getValue().path("operationId").asText().equals("watchEvents")) {
                List<String> query = new ArrayList<>();
                method.getValue().path("parameters").forEach(parameter -> {
                    JsonNode resolved = parameter.has("$ref")
                            ? document.at(parameter.get("$ref").asText().substring(1)) : parameter;
                    if (resolved.path("in").asText().equals("query")) {
                        query.add(resolved.path("name").asText());
                    }
                });
                operations.add(new Operation(method.getKey().toUpperCase(Locale.ROOT), path.getKey(), query,
                        validBodies.get(method.getValue().path("operationId").asText())));
            }
        }));
        return operations;
    }

    /** Requests from the document's operations, each one valid at first and then, most of the time, broken somewhere. */
    private static final class RequestGenerator {

        private static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS");
        private static final List<String> ODD_VALUES = List.of("", " ", "-1", "0", "1", "2147483648", "1e3", "NaN", "null",
                "true", "[]", "{}", "%00", "%ZZ", "%C3%28", "%E2%80%AE", "..%2F..", "a".repeat(300), "名前", "'; DROP TABLE instance;--",
                "Notebook", "asc", "desc", "name", "creation_timestamp", "RUNNING", "STOPPED", "Docker");
        private static final List<String> ODD_JSON = List.of("null", "true", "false", "0", "-0", "1.5e308", "-9223372036854775809",
                "\"\"", "\"x\"", "[]", "[1,2]", "{}", "{\"a\":1}", "\"\\u0000\"", "\"\\ud800\"", "\"<script>\"", "\"obs://b/\"");

        private final Random random;
        private final String project;
        private final String instance;

        RequestGenerator(Random random, String project, String instance) {
            this.random = random;
            this.project = project;
            this.instance = instance;
        }

        String next(Operation operation) {
            String method = chance(10) ? pick(METHODS) : operation.method();
            String path = operation.template()
                    .replace("{project_id}", chance(10) ? odd() : project)
                    .replace("{instance_id}", chance(10) ? pick(List.of(odd(), SOME_ID)) : instance);
            String query = query(operation.queryParameters());
            String body = operation.validBody() == null ? (chance(5) ? pick(ODD_JSON) : "") : body(operation.validBody());
            StringBuilder request = new StringBuilder(method).append(' ').append(path).append(query).append(" HTTP/1.1\r\n")
                    .append("Host: localhost\r\nConnection: close\r\n");
            if (!chance(5)) {
                request.append("X-Auth-Token: ").append(chance(3) ? ApiServer.OTHER_TOKEN : ApiServer.TOKEN).append("\r\n");
            }
            request.append("Content-Type: ").append(chance(5) ? pick(List.of("text/plain", "application/json; charset=latin1",
                    "application/jsonx", "")) : "application/json").append("\r\n");
            if (chance(10)) {
                request.append("If-Match: ").append(pick(List.of("*", "\"0\"", "\"1\"", "\"99999999999999999999\"", "W/\"1\"", "x"))).append("\r\n");
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            request.append("Content-Length: ").append(bytes.length).append("\r\n\r\n");
            return request + new String(bytes, StandardCharsets.ISO_8859_1);
        }

        private String query(List<String> names) {
            List<String> pairs = new ArrayList<>();
            for (String name : names) {
                if (chance(3)) {
                    pairs.add(name + "=" + (chance(2) ? URLEncoder.encode(pick(ODD_VALUES), StandardCharsets.UTF_8) : pick(ODD_VALUES)));
                }
            }
            if (names.contains("de_type") && !chance(5)) {
                pairs.add("de_type=Notebook");
            }
            if (chance(10)) {
                pairs.add(pick(List.of("unknown=1", "limit", "=", "&&", "offset=1&offset=2", "%FF=1")));
            }
            return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
        }

        private String body(String valid) {
            return switch (random.nextInt(8)) {
                case 0 -> valid;
                case 1 -> replaceAValue(valid);
                case 2 -> valid.substring(0, random.nextInt(valid.length()));
                case 3 -> flipAByte(valid);
                case 4 -> insertAt(valid, pick(List.of(",", "\"extra\": 1,", "{", "]", "\\", "\u0000", "\"x\":", "/*c*/")));
                case 5 -> valid.replaceFirst("\"([a-z_]+)\":", "\"$1_\":");
                case 6 -> "{\"x\": " + "[".repeat(random.nextInt(64)) + "1" + "]".repeat(random.nextInt(64)) + "}";
                default -> replaceAValue(replaceAValue(valid));
            };
        }

        /** A value of the JSON text (after a colon) replaced by one of another kind. */
        private String replaceAValue(String json) {
            List<Integer> colons = new ArrayList<>();
            for (int at = json.indexOf(':'); at >= 0; at = json.indexOf(':', at + 1)) {
                colons.add(at);
            }
            if (colons.isEmpty()) {
                return json;
            }
            int at = colons.get(random.nextInt(colons.size())) + 1;
            int end = at;
            while (end < json.length() && json.charAt(end) == ' ') {
                end++;
            }
            if (end < json.length() && json.charAt(end) == '"') {
                end = json.indexOf('"', end + 1) + 1;
            } else {
                while (end < json.length() && ",}]".indexOf(json.charAt(end)) < 0 && json.charAt(end) != '{' && json.charAt(end) != '[') {
                    end++;
                }
            }
            return json.substring(0, at) + " " + pick(ODD_JSON) + json.substring(Math.max(end, at));
        }

        private String flipAByte(String text) {
            char[] chars = text.toCharArray();
            int at = random.nextInt(chars.length);
            chars[at] = (char) (chars[at] ^ (1 << random.nextInt(7)));
            return new String(chars);
        }

        private String insertAt(String text, String insert) {
            int at = random.nextInt(text.length() + 1);
            return text.substring(0, at) + insert + text.substring(at);
        }

        private String odd() {
            String value = pick(ODD_VALUES);
            return value.isEmpty() || value.contains(" ") ? "x" : value.replace("/", "%2F").replace("'", "%27").replace(";", "%3B");
        }

        private boolean chance(int oneIn) {
            return random.nextInt(oneIn) == 0;
        }

        private <T> T pick(List<T> values) {
            return values.get(random.nextInt(values.size()));
        }
    }
}
