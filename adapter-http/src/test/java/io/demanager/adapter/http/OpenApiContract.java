package io.demanager.adapter.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks an exchange against the OpenAPI document, so that the document and the code cannot drift apart:
 * <ul>
 *     <li>a path the document does not have answers 404, a method it does not list for a path answers 405,
 *     both with the error body;</li>
 *     <li>every other answer is one the document describes for the operation: status, content type, required
 *     headers, and a body that its schema accepts;</li>
 *     <li>a request the API accepted (2xx) is one the document allows: its parameters, query, credentials and body.
 *     So a request the document refuses must be refused by the API too. A query parameter the document does not
 *     list is no problem: the document says an operation ignores those.</li>
 * </ul>
 * The console's pages are not the API's and are not checked here.
 * Schemas are checked with the OpenAPI 3.1 dialect of JSON Schema 2020-12.
 */
final class OpenApiContract {

    /** One request and the answer to it, as sent and received. */
    record Exchange(String method, String pathAndQuery, Map<String, String> headers, String body, ApiResponse response) {
    }

    private static final String DOCUMENT_IRI = "https://demanager.invalid/openapi.yaml";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?[0-9]{1,18}");

    private final JsonNode document;
    private final SchemaRegistry schemas;
    private final Map<String, Schema> components = new HashMap<>();
    /** Inline schemas compiled once each, by their node of the document (compiling costs more than validating). */
    private final Map<JsonNode, Schema> inline = new IdentityHashMap<>();

    OpenApiContract(String yaml) {
        try {
            document = new YAMLMapper().readTree(yaml);
            String json = JSON.writeValueAsString(document);
            schemas = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31(),
                    registry -> registry.schemas(Map.of(DOCUMENT_IRI, json)));
        } catch (JsonProcessingException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    void check(Exchange exchange) {
        URI uri = URI.create(exchange.pathAndQuery());
        ApiResponse response = exchange.response();
        boolean head = exchange.method().equals("HEAD");
        if (isConsolePage(uri.getRawPath())) {
            return;
        }
        Optional<PathMatch> path = matchPath(uri.getRawPath());
        if (path.isEmpty()) {
            assertThat(response.status()).as("%s %s is not in the document", exchange.method(), uri.getRawPath()).isEqualTo(404);
            assertErrorBody(response, head);
            return;
        }
        // HEAD is GET without the body.
        JsonNode operation = path.get().item().path(head ? "get" : exchange.method().toLowerCase(Locale.ROOT));
        if (operation.isMissingNode()) {
            assertThat(response.status()).as("%s is not documented for %s", exchange.method(), uri.getRawPath()).isEqualTo(405);
            assertErrorBody(response, head);
            return;
        }
        List<String> problems = new ArrayList<>();
        checkResponse(operation, response, head, problems);
        assertThat(problems).as("%s %s answered %s %s %s, which the document does not describe", exchange.method(),
                exchange.pathAndQuery(), response.status(), response.headers(), response.body()).isEmpty();
        if (response.status() / 100 == 2) {
            checkRequest(path.get(), operation, exchange, uri.getRawQuery(), problems);
            assertThat(problems).as("%s %s %s was accepted (%s) but the document does not allow it", exchange.method(),
                    exchange.pathAndQuery(), exchange.body(), response.status()).isEmpty();
        }
    }

    // ---- answers ---------------------------------------------------------------------------------

    private static void assertErrorBody(ApiResponse response, boolean head) {
        if (head) {
            assertThat(response.body()).as("a HEAD answer has no body").isEmpty();
        } else {
            ErrorBodies.assertWellFormed(response);
        }
    }

    private void checkResponse(JsonNode operation, ApiResponse response, boolean head, List<String> problems) {
        JsonNode responses = operation.path("responses");
        JsonNode described = resolve(responses.has(String.valueOf(response.status()))
                ? responses.get(String.valueOf(response.status()))
                : responses.path("default"));
        if (described.isMissingNode()) {
            problems.add("status " + response.status() + " is not documented");
            return;
        }
        described.path("headers").properties().forEach(header -> {
            JsonNode definition = resolve(header.getValue());
            Optional<String> value = response.header(header.getKey());
            if (value.isEmpty() && definition.path("required").asBoolean(false)) {
                problems.add("required header " + header.getKey() + " is missing");
            }
            value.ifPresent(text -> validate(definition.path("schema"), TextNode.valueOf(text), "header " + header.getKey(), problems));
        });
        JsonNode content = described.path("content");
        if (content.isMissingNode() || head) {
            if (!response.body().isEmpty()) {
                problems.add("a body is not documented");
            }
            return;
        }
        String mediaType = mediaType(response.header("Content-Type").orElse(""));
        if (!content.has(mediaType)) {
            problems.add("content type '" + mediaType + "' is not documented");
            return;
        }
        if (mediaType.equals("application/json")) {
            validate(content.get(mediaType).path("schema"), response.json(), "body", problems);
        }
    }

    /** The console's pages, for browsers: outside the API and its document ({@code ConsoleHttpTest} checks them). */
    private static boolean isConsolePage(String rawPath) {
        return rawPath.equals("/") || rawPath.equals("/console") || rawPath.startsWith(ConsoleAssets.HOME);
    }

    // ---- requests --------------------------------------------------------------------------------

    private void checkRequest(PathMatch path, JsonNode operation, Exchange exchange, String rawQuery, List<String> problems) {
        Map<String, List<String>> query = queryParameters(rawQuery);
        List<JsonNode> parameters = new ArrayList<>();
        path.item().path("parameters").forEach(parameter -> parameters.add(resolve(parameter)));
        operation.path("parameters").forEach(parameter -> parameters.add(resolve(parameter)));
        for (JsonNode parameter : parameters) {
            String name = parameter.path("name").asText();
            String in = parameter.path("in").asText();
            List<String> values = switch (in) {
                case "path" -> Optional.ofNullable(path.parameters().get(name)).map(List::of).orElse(List.of());
                case "query" -> query.getOrDefault(name, List.of());
                case "header" -> headerValues(exchange.headers(), name);
                default -> throw new IllegalStateException("parameters in " + in + " are not used by this API");
            };
            if (values.isEmpty() && parameter.path("required").asBoolean(false)) {
                problems.add("required " + in + " parameter " + name + " is missing");
            }
            if (values.size() > 1) {
                problems.add(in + " parameter " + name + " is given " + values.size() + " times");
            }
            values.forEach(value -> validate(parameter.path("schema"), typed(parameter.path("schema"), value),
                    in + " parameter " + name, problems));
            query.remove(name);
        }
        checkSecurity(operation, exchange, problems);
        checkRequestBody(operation.path("requestBody"), exchange, problems);
    }

    /** One of the operation's security requirements (its own, or the document's) was met: an API key header or a bearer token sent. */
    private void checkSecurity(JsonNode operation, Exchange exchange, List<String> problems) {
        JsonNode requirements = operation.has("security") ? operation.get("security") : document.path("security");
        if (requirements.isMissingNode() || requirements.isEmpty()) {
            return;
        }
        for (JsonNode requirement : requirements) {
            boolean met = true;
            for (String scheme : (Iterable<String>) requirement::fieldNames) {
                JsonNode definition = document.path("components").path("securitySchemes").path(scheme);
                met &= definition.path("scheme").asText().equals("bearer")
                        ? headerValues(exchange.headers(), "Authorization").stream().anyMatch(value -> value.startsWith("Bearer "))
                        : definition.path("in").asText().equals("header")
                                && !headerValues(exchange.headers(), definition.path("name").asText()).isEmpty();
            }
            if (met) {
                return;
            }
        }
        problems.add("no security requirement of the operation was met: " + requirements);
    }

    private void checkRequestBody(JsonNode requestBody, Exchange exchange, List<String> problems) {
        boolean sent = exchange.body() != null && !exchange.body().isEmpty();
        if (requestBody.isMissingNode()) {
            if (sent) {
                problems.add("the operation documents no request body");
            }
            return;
        }
        if (!sent) {
            if (requestBody.path("required").asBoolean(false)) {
                problems.add("the request body is required");
            }
            return;
        }
        String mediaType = mediaType(headerValues(exchange.headers(), "Content-Type").stream().findFirst().orElse(""));
        JsonNode content = requestBody.path("content").path(mediaType);
        if (content.isMissingNode()) {
            problems.add("request content type '" + mediaType + "' is not documented");
            return;
        }
        try {
            validate(content.path("schema"), JSON.readTree(exchange.body()), "request body", problems);
        } catch (JsonProcessingException notJson) {
            problems.add("the request body is not JSON");
        }
    }

    // ---- document ----------------------------------------------------------------------------------

    private record PathMatch(JsonNode item, Map<String, String> parameters) {
    }

    private Optional<PathMatch> matchPath(String rawPath) {
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            List<String> names = new ArrayList<>();
            Matcher placeholder = Pattern.compile("\\{([^}]+)}").matcher(path.getKey());
            StringBuilder regex = new StringBuilder();
            int from = 0;
            while (placeholder.find()) {
                regex.append(Pattern.quote(path.getKey().substring(from, placeholder.start()))).append("([^/]+)");
                names.add(placeholder.group(1));
                from = placeholder.end();
            }
            regex.append(Pattern.quote(path.getKey().substring(from)));
            Matcher match = Pattern.compile(regex.toString()).matcher(rawPath);
            if (match.matches()) {
                Map<String, String> values = new LinkedHashMap<>();
                for (int i = 0; i < names.size(); i++) {
                    values.put(names.get(i), decode(match.group(i + 1)));
                }
                return Optional.of(new PathMatch(path.getValue(), values));
            }
        }
        return Optional.empty();
    }

    private JsonNode resolve(JsonNode node) {
        JsonNode resolved = node;
        while (resolved.has("$ref")) {
            resolved = document.at(resolved.get("$ref").asText().substring(1));
        }
        return resolved;
    }

    /** A schema of the document is a reference to a component, or an inline schema without references. */
    private void validate(JsonNode schema, JsonNode value, String what, List<String> problems) {
        Schema compiled = schema.has("$ref")
                ? components.computeIfAbsent(schema.get("$ref").asText(),
                        ref -> schemas.getSchema(SchemaLocation.of(DOCUMENT_IRI + ref)))
                : inline.computeIfAbsent(schema, schemas::getSchema);
        compiled.validate(value).forEach(error -> problems.add(what + ": " + error));
    }

    /** A query, path or header value as the JSON value its schema expects, when it reads as one. */
    private static JsonNode typed(JsonNode schema, String value) {
        String type = schema.path("type").asText();
        if (type.equals("integer") && WHOLE_NUMBER.matcher(value).matches()) {
            return LongNode.valueOf(Long.parseLong(value));
        }
        if (type.equals("boolean") && (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false"))) {
            return BooleanNode.valueOf(Boolean.parseBoolean(value));
        }
        return TextNode.valueOf(value);
    }

    private static List<String> headerValues(Map<String, String> headers, String name) {
        return headers.entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .toList();
    }

    private static Map<String, List<String>> queryParameters(String rawQuery) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                if (!pair.isEmpty()) {
                    String[] parts = pair.split("=", 2);
                    parameters.computeIfAbsent(decode(parts[0]), name -> new ArrayList<>())
                            .add(parts.length > 1 ? decode(parts[1]) : "");
                }
            }
        }
        return parameters;
    }

    private static String mediaType(String contentType) {
        return contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
