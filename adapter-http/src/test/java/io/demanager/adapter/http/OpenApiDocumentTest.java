package io.demanager.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The served OpenAPI document itself: OpenAPI 3.1, every route and only the routes, closed documents. */
class OpenApiDocumentTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

    @RegisterExtension
    static final ApiServer server = ApiServer.start();
    private static JsonNode document;

    @BeforeAll
    static void start() throws Exception {
        document = new YAMLMapper().readTree(server.client.openApiDocument());
    }

    @Test
    void is_openapi_3_1() {
        assertThat(document.path("openapi").asText()).startsWith("3.1.");
    }

    @Test
    void documents_the_seven_operations_of_the_contract_the_instance_events_the_lease_the_activity_the_catalog_and_the_operators_endpoints() {
        assertThat(operations()).containsExactlyInAnyOrder(
                "post /v1/{project_id}/demanager/instances",
                "get /v1/{project_id}/demanager/instances",
                "get /v1/{project_id}/demanager/instances/{instance_id}",
                "put /v1/{project_id}/demanager/instances/{instance_id}",
                "delete /v1/{project_id}/demanager/instances/{instance_id}",
                "post /v1/{project_id}/demanager/instances/{instance_id}/action",
                "get /v1/{project_id}/demanager/instances/{instance_id}/token",
                "get /v1/{project_id}/demanager/instances/{instance_id}/events",
                "patch /v1/{project_id}/demanager/instances/{instance_id}/lease",
                "get /v1/{project_id}/demanager/instances/{instance_id}/activity",
                "get /v1/{project_id}/demanager/catalog",
                "get /v1/{project_id}/demanager/events",
                "get /openapi.yaml",
                "get /health/live",
                "get /health/ready",
                "get /metrics");
    }

    /**
     * A documented operation that the server did not route would answer 404 or 405. The event stream is asked with a
     * {@code Last-Event-ID} it refuses, so that it answers rather than streams.
     */
    @Test
    void every_documented_operation_is_served() {
        for (String operation : operations()) {
            String[] parts = operation.split(" ", 2);
            String path = parts[1].replace("{project_id}", "p").replace("{instance_id}", "DE-00000000-0000-0000-0000-000000000001");
            String method = parts[0].toUpperCase(Locale.ROOT);
            ApiResponse response = path.endsWith("/events") && !path.contains("/instances/")
                    ? server.client.send(method, path, null, EventStreams.LAST_EVENT_ID, "not-an-id")
                    : method.equals("GET") || method.equals("DELETE")
                    ? server.client.send(method, path, null)
                    : server.client.send(method, path, "{}", "Content-Type", "application/json");

            assertThat(response.status()).as(operation).isNotIn(404, 405);
        }
    }

    /** Nothing but what the document lists: every other method on every path answers 405 with the error body. */
    @Test
    void every_path_refuses_every_method_it_does_not_document_with_405() {
        Set<String> documented = operations();
        List<String> answered = new ArrayList<>();
        document.path("paths").fieldNames().forEachRemaining(template -> {
            String path = template.replace("{project_id}", "p").replace("{instance_id}", "DE-00000000-0000-0000-0000-000000000001");
            for (String method : List.of("get", "put", "post", "delete", "patch", "options")) {
                if (!documented.contains(method + " " + template)) {
                    ApiResponse response = server.client.send(method.toUpperCase(Locale.ROOT), path, null);
                    if (response.status() != 405) {
                        answered.add(method + " " + template + " answered " + response.status());
                    }
                    ErrorBodies.assertWellFormed(response);
                }
            }
        });

        assertThat(answered).isEmpty();
    }

    @Test
    void every_operation_under_v1_documents_the_token_refusals_the_concurrency_bound_and_the_outage_answer() {
        List<String> missing = new ArrayList<>();
        for (String operation : operations()) {
            String[] parts = operation.split(" ", 2);
            if (parts[1].startsWith("/v1/")) {
                JsonNode responses = document.path("paths").path(parts[1]).path(parts[0]).path("responses");
                List.of("401", "403", "429", "503").forEach(status -> {
                    if (!responses.has(status)) {
                        missing.add(operation + " " + status);
                    }
                });
            }
        }

        assertThat(missing).isEmpty();
    }

    @Test
    void closes_every_document_it_describes_with_additional_properties_false() {
        List<String> open = new ArrayList<>();
        collectOpenObjects(document, "#", open);

        assertThat(open).isEmpty();
    }

    private static Set<String> operations() {
        Set<String> operations = new TreeSet<>();
        document.path("paths").properties().forEach(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (METHODS.contains(method)) {
                operations.add(method + " " + path.getKey());
            }
        }));
        return operations;
    }

    /** Every schema with named properties must refuse any other; a map ({@code additionalProperties} schema) has none. */
    private static void collectOpenObjects(JsonNode node, String pointer, List<String> open) {
        if (node.isObject()) {
            if (node.has("properties") && node.path("properties").isObject()
                    && !node.path("additionalProperties").equals(BooleanNode.FALSE)) {
                open.add(pointer);
            }
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                collectOpenObjects(field.getValue(), pointer + "/" + field.getKey(), open);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectOpenObjects(node.get(i), pointer + "/" + i, open);
            }
        }
    }
}
