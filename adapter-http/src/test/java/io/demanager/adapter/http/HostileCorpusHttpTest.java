package io.demanager.adapter.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.TestFactory;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import static io.demanager.adapter.http.ApiServer.instancePath;
import static io.demanager.adapter.http.ApiServer.instancesPath;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Malformed and hostile bodies and query strings, generated from valid requests and picked by hand, against every
 * route: none may cause a 5xx, each must be refused with a well-formed error body, and nothing may change.
 */
class HostileCorpusHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VALID_CREATE = """
            {"name": "corpus-new", "description": "made by the corpus", "profile_id": "Python3", "flavor": "modelarts.vm.cpu.2u",
             "spec": {"storage": {"type": "obs", "location": {"path": "obs://bucket/folder/"}},
                      "extend_storage": [{"type": "obsfs", "location": {"path": "fs", "mount_path": "/home/ma-user/work/x",
                                                                        "access_modes": "ReadOnlyMany"}}],
                      "auto_stop": {"enable": true, "duration": 3600, "prompt": true},
                      "annotations": {"team": "ml"},
                      "credential": {"access_key": "AK", "secret_key": "SK"}},
             "workspace": {"id": "0"}, "ai_project": {"id": "ai"},
             "pool": {"id": "pool", "name": "pool", "type": "USER_DEFINED", "owner": {"project_id": "owner"}}}
            """;
    private static final String VALID_MODIFY = """
            {"description": "changed", "spec": {"auto_stop": {"enable": true, "duration": 7200, "prompt": false}}}""";
    private static final String VALID_ACTION = "{\"action\": \"stop\"}";

    @RegisterExtension
    static final ApiServer server = ApiServer.start();
    private static String project;
    private static String instance;
    private static JsonNode before;

    /** One hostile request: what it is, and how to send it. */
    private record Probe(String name, Function<ApiServer, ApiResponse> send) {
    }

    private record Route(String method, String path) {
    }

    @BeforeAll
    static void start() {
        project = ApiServer.newProject();
        instance = instancePath(project, server.createRunning(project, "target"));
        before = server.client.get(instance).json();
    }

    @AfterAll
    static void nothing_changed() {
        assertThat(server.client.get(instance).json()).isEqualTo(before);
        assertThat(server.client.get(instancesPath(project) + "?de_type=Notebook&show_self=false").json()
                .path("total_count").asLong()).isEqualTo(1);
    }

    @Test
    void holds_at_least_200_probes() {
        assertThat(corpus()).hasSizeGreaterThanOrEqualTo(200);
    }

    @TestFactory
    Stream<DynamicTest> every_probe_is_refused_with_an_error_body_and_never_a_5xx() {
        return corpus().stream().map(probe -> DynamicTest.dynamicTest(probe.name(), () -> {
            ApiResponse response = probe.send().apply(server);

            assertThat(response.status()).as("%s: %s", probe.name(), response.body()).isBetween(400, 499);
            ErrorBodies.assertWellFormed(response);
        }));
    }

    private static List<Probe> corpus() {
        List<Probe> corpus = new ArrayList<>();
        Route create = new Route("POST", instancesPath(project));
        Route modify = new Route("PUT", instance);
        Route action = new Route("POST", instance + "/action");
        corpus.addAll(wrongTypes(create, VALID_CREATE));
        corpus.addAll(wrongTypes(modify, VALID_MODIFY));
        corpus.addAll(wrongTypes(action, VALID_ACTION));
        corpus.addAll(unknownFields(create, VALID_CREATE));
        corpus.addAll(unknownFields(modify, VALID_MODIFY));
        corpus.addAll(truncations(create, VALID_CREATE, 7));
        corpus.addAll(truncations(modify, VALID_MODIFY, 3));
        corpus.addAll(truncations(action, VALID_ACTION, 1));
        for (Route route : List.of(create, modify, action)) {
            corpus.addAll(handPickedBodies(route));
        }
        corpus.addAll(bodiesWhereNoneIsTaken());
        corpus.addAll(hostileListQueries());
        corpus.addAll(hostileEventQueries());
        corpus.addAll(anotherDeTypeOfAnInstance(List.of(modify, action, new Route("GET", instance),
                new Route("DELETE", instance), new Route("GET", instance + "/token"))));
        corpus.addAll(undecodableQueries());
        return corpus;
    }

    // ---- generated from valid bodies ------------------------------------------------------------

    /** Each field of a valid body in turn given a value of every other JSON type: 6332 naming it. */
    private static List<Probe> wrongTypes(Route route, String validBody) {
        List<Probe> probes = new ArrayList<>();
        forEachField(tree(validBody), "", (pointer, value) -> {
            for (JsonNode wrong : wrongValuesFor(value)) {
                ObjectNode mutated = tree(validBody);
                replace(mutated, pointer, wrong);
                probes.add(bodyProbe(route, "wrong type at " + pointer + ": " + wrong, text(mutated)));
            }
        });
        return probes;
    }

    /** Fields no operation takes, added to each object of a valid body but the annotations map: 6336 naming them. */
    private static List<Probe> unknownFields(Route route, String validBody) {
        List<Probe> probes = new ArrayList<>();
        forEachField(tree(validBody), "", (pointer, value) -> {
            if (value.isObject() && !pointer.endsWith("/annotations")) {
                for (String field : List.of("__proto__", "status", "constructor")) {
                    ObjectNode mutated = tree(validBody);
                    ((ObjectNode) mutated.at(pointer)).put(field, "injected");
                    probes.add(bodyProbe(route, "unknown field " + field + " in " + pointer, text(mutated)));
                }
            }
        });
        ObjectNode rootInjected = tree(validBody);
        rootInjected.put("id", "DE-00000000-0000-0000-0000-000000000001");
        probes.add(bodyProbe(route, "read-only id at the root", text(rootInjected)));
        return probes;
    }

    /** Valid bodies cut short: never a complete JSON document. */
    private static List<Probe> truncations(Route route, String validBody, int step) {
        String compact = text(tree(validBody));
        List<Probe> probes = new ArrayList<>();
        for (int length = 1; length < compact.length(); length += step) {
            probes.add(bodyProbe(route, "cut at " + length, compact.substring(0, length)));
        }
        return probes;
    }

    // ---- picked by hand ------------------------------------------------------------------------

    private static List<Probe> handPickedBodies(Route route) {
        List<Probe> probes = new ArrayList<>();
        List<String> bodies = List.of(
                "", " ", "\n\t", "null", "true", "0", "-1", "\"text\"", "[]", "[{}]",
                "{", "}", "{\"a\"}", "{\"a\":}", "{,}", "{\"description\":\"x\",}", "{'description':'x'}", "{description:\"x\"}",
                "{\"description\":\"x\"}//comment", "{\"description\":\"x\"/*c*/}", "{\"x\": NaN}", "{\"x\": Infinity}",
                "{\"x\": -0x10}", "{\"x\": 01}", "{\"x\": 1e999999}", "{\"x\": \"\\x41\"}", "{\"x\": \"\\u12\"}",
                "{\"x\": \"unterminated}", "{\"x\": \"tab\tinside\"}", "{} trailing", "{}{}", "{\"a\":1}\u0000",
                "\uFEFF{\"__proto__\": {}}", "{\"a\":{\"b\":1,\"b\":2}}", "{\"description\":\"\\ud800\"}",
                "{\"description\":\"" + "\\\\".repeat(3000) + "\"}",
                "{\"x\": " + "9".repeat(2000) + "}",
                "{\"x\": " + "[".repeat(1000) + "]".repeat(1000) + "}",
                "{\"x\": " + "{\"y\": ".repeat(40) + "1" + "}".repeat(40) + "}",
                "[".repeat(100_000),
                "{\"" + "k".repeat(60_000) + "\": 1}",
                "{\"description\": \"" + "x".repeat(70_000) + "\"}",
                " ".repeat(70_000) + "{}");
        for (String body : bodies) {
            probes.add(bodyProbe(route, "hand-picked " + abbreviate(body), body));
        }
        List<byte[]> rawBodies = List.of(
                new byte[] {'{', '"', 'x', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'},
                new byte[] {(byte) 0xFF, (byte) 0xFE, '[', 0, ']', 0},
                new byte[] {0, 0, 0, 0},
                "{\"status\": \"RUNNING\"}".getBytes(StandardCharsets.UTF_16BE),
                new byte[] {(byte) 0x80, (byte) 0x81, (byte) 0xFE});
        for (byte[] body : rawBodies) {
            probes.add(new Probe(route.method() + " " + route.path() + " bytes " + hex(body),
                    running -> running.client.sendBytes(route.method(), route.path(), body, "Content-Type", "application/json")));
        }
        probes.add(new Probe(route.method() + " " + route.path() + " valid JSON as text/html",
                running -> running.client.send(route.method(), route.path(), "{}", "Content-Type", "text/html")));
        return probes;
    }

    private static List<Probe> bodiesWhereNoneIsTaken() {
        List<Probe> probes = new ArrayList<>();
        for (Route route : List.of(new Route("GET", instance), new Route("DELETE", instance), new Route("GET", instance + "/token"),
                new Route("GET", instancesPath(project) + "?de_type=Notebook"), new Route("GET", instance + "/events"))) {
            for (String body : List.of("{}", "null", "{\"description\": \"x\"}", "x".repeat(70_000))) {
                probes.add(new Probe(route.method() + " " + route.path() + " with body " + abbreviate(body),
                        running -> running.client.send(route.method(), route.path(), body, "Content-Type", "application/json")));
            }
        }
        return probes;
    }

    private static List<Probe> hostileListQueries() {
        List<String> parameters = List.of("de_type", "provision_type", "status", "sortby", "order", "offset", "limit",
                "workspace_id", "show_self", "ai_project", "ai_project_id", "pool_id");
        List<String> values = List.of("", "%00", "%27%20OR%201%3D1--", "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
                "..%2F..%2Fetc%2Fpasswd", "%F0%9F%92%A9", "a%20b", "%24%7Bjndi%3Aldap%3A%2F%2Fx%7D", "x".repeat(65), "%E2%82");
        List<Probe> probes = new ArrayList<>();
        for (String parameter : parameters) {
            for (String value : values) {
                String query = parameter.equals("de_type") ? "de_type=" + value : "de_type=Notebook&" + parameter + "=" + value;
                probes.add(queryProbe(new Route("GET", instancesPath(project)), query));
            }
            probes.add(queryProbe(new Route("GET", instancesPath(project)), "de_type=Notebook&" + parameter + "=1&" + parameter + "=2"));
        }
        for (String query : List.of("", "de_type", "de_type=notebook", "DE_TYPE=Notebook", "de_type=Notebook&limit=1e3",
                "de_type=Notebook&offset=0x10", "de_type=Notebook&limit=%2B5", "de_type=Notebook&show_self=yes",
                "de_type=Notebook&sortby=name%3B%20DROP%20TABLE%20instances", "de_type=Notebook&ai_project=a&ai_project_id=a",
                "de_type[]=Notebook", "de_type=Notebook&status=running")) {
            probes.add(queryProbe(new Route("GET", instancesPath(project)), query));
        }
        return probes;
    }

    private static List<Probe> hostileEventQueries() {
        Route events = new Route("GET", instance + "/events");
        List<Probe> probes = new ArrayList<>();
        for (String parameter : List.of("offset", "limit")) {
            for (String value : List.of("", "-1", "1e3", "0x10", "%2B5", "2147483648", "%00", "%27%20OR%201%3D1--", "x".repeat(65))) {
                probes.add(queryProbe(events, parameter + "=" + value));
            }
            probes.add(queryProbe(events, parameter + "=1&" + parameter + "=2"));
        }
        return probes;
    }

    /** The one query parameter of an instance's routes, {@code de_type}: only {@code Notebook}, and only once. */
    private static List<Probe> anotherDeTypeOfAnInstance(List<Route> routes) {
        List<Probe> probes = new ArrayList<>();
        for (Route route : routes) {
            for (String query : List.of("de_type=Workflow", "de_type=", "de_type=notebook", "de_type=Notebook&de_type=Notebook", "x=1&de_type=%00")) {
                probes.add(queryProbe(route, query));
            }
        }
        return probes;
    }

    /** Percent-encoding the JDK client refuses to send, so they go as raw bytes. */
    private static List<Probe> undecodableQueries() {
        List<Probe> probes = new ArrayList<>();
        for (String path : List.of(instancesPath(project), instance, instance + "/token", instance + "/events")) {
            for (String query : List.of("%zz", "de_type=Notebook&limit=%", "de_type=%%", "de_type=Notebook&%G1=1")) {
                probes.add(new Probe("GET " + path + "?" + query + " (raw)", running -> RawHttp.send(running.client.port(),
                        "GET " + path + "?" + query + " HTTP/1.1\r\nHost: localhost\r\nX-Auth-Token: " + ApiServer.TOKEN
                                + "\r\nConnection: close\r\n\r\n").asApiResponse()));
            }
        }
        return probes;
    }

    // ---- helpers --------------------------------------------------------------------------------

    private static Probe bodyProbe(Route route, String name, String body) {
        return new Probe(route.method() + " " + route.path() + " " + name,
                running -> running.client.send(route.method(), route.path(), body, "Content-Type", "application/json"));
    }

    private static Probe queryProbe(Route route, String query) {
        String separator = route.path().contains("?") ? "&" : "?";
        boolean takesBody = !route.method().equals("GET") && !route.method().equals("DELETE");
        String body = route.path().endsWith("/action") ? VALID_ACTION : takesBody ? "{}" : null;
        return new Probe(route.method() + " " + route.path() + separator + abbreviate(query), running -> body == null
                ? running.client.send(route.method(), route.path() + separator + query, null)
                : running.client.send(route.method(), route.path() + separator + query, body, "Content-Type", "application/json"));
    }

    private interface FieldVisitor {
        void visit(String pointer, JsonNode value);
    }

    private static void forEachField(JsonNode node, String pointer, FieldVisitor visitor) {
        if (node.isObject()) {
            node.properties().forEach(field -> {
                String child = pointer + "/" + field.getKey();
                visitor.visit(child, field.getValue());
                forEachField(field.getValue(), child, visitor);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                visitor.visit(pointer + "/" + i, node.get(i));
                forEachField(node.get(i), pointer + "/" + i, visitor);
            }
        }
    }

    private static List<JsonNode> wrongValuesFor(JsonNode value) {
        var nodes = JSON.getNodeFactory();
        List<JsonNode> all = List.of(nodes.textNode("3600"), nodes.numberNode(42), nodes.numberNode(3600.5), nodes.booleanNode(true),
                nodes.nullNode(), nodes.arrayNode(), nodes.objectNode().put("s", 1));
        return all.stream().filter(candidate -> !sameType(candidate, value)).toList();
    }

    private static boolean sameType(JsonNode a, JsonNode b) {
        return a.getNodeType() == b.getNodeType() && a.isIntegralNumber() == b.isIntegralNumber();
    }

    private static void replace(ObjectNode root, String pointer, JsonNode value) {
        int last = pointer.lastIndexOf('/');
        JsonNode parent = root.at(pointer.substring(0, last));
        String key = pointer.substring(last + 1);
        if (parent.isArray()) {
            ((ArrayNode) parent).set(Integer.parseInt(key), value);
        } else {
            ((ObjectNode) parent).set(key, value);
        }
    }

    private static ObjectNode tree(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (JsonProcessingException invalid) {
            throw new UncheckedIOException(invalid);
        }
    }

    private static String text(JsonNode node) {
        return node.toString();
    }

    private static String abbreviate(String text) {
        String printable = text.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= 60 ? printable : printable.substring(0, 60) + "...(" + text.length() + " chars)";
    }

    private static String hex(byte[] bytes) {
        var hex = new StringBuilder();
        for (byte b : bytes) {
            hex.append(String.format("%02x", b));
        }
        return hex.toString();
    }
}
