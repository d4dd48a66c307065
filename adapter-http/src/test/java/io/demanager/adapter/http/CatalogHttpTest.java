package io.demanager.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The read-only catalog a console creates instances from. */
class CatalogHttpTest {

    @RegisterExtension
    static final ApiServer server = ApiServer.start();

    @Test
    void lists_every_flavor_with_its_sale_status_and_every_profile_with_its_flavor_types() {
        JsonNode catalog = catalog(ApiServer.newProject());

        assertThat(values(catalog.path("flavors"), "/flavor_details/name"))
                .contains(Bodies.CPU_FLAVOR, Bodies.GPU_FLAVOR, Bodies.FREE_FLAVOR, Bodies.SOLD_OUT_FLAVOR);
        assertThat(flavor(catalog, Bodies.SOLD_OUT_FLAVOR).at("/flavor_details/status").asText()).isEqualTo("soldOut");
        assertThat(flavor(catalog, Bodies.CPU_FLAVOR).at("/flavor_details/status").asText()).isEqualTo("onSale");
        JsonNode profile = entry(catalog.path("profiles"), "/id", Bodies.CPU_PROFILE);
        assertThat(values(profile.path("flavor_types"), "")).containsExactly("CPU");
        assertThat(profile.at("/provision/spec/params/image_name").asText()).isNotEmpty();
    }

    @Test
    void a_free_flavor_shows_its_queue_filling_across_projects_and_a_paid_one_has_none() {
        String project = ApiServer.newProject();
        assertThat(flavor(catalog(project), Bodies.FREE_FLAVOR).path("queue").path("full").asBoolean()).isFalse();

        server.create(ApiServer.newProject(), Bodies.create("takes-the-place", Bodies.FREE_FLAVOR, Bodies.CPU_PROFILE));

        JsonNode queue = flavor(catalog(project), Bodies.FREE_FLAVOR).path("queue");
        assertThat(queue.path("capacity").asInt()).isEqualTo(ApiServer.FREE_CAPACITY);
        assertThat(queue.path("in_use").asInt()).isEqualTo(1);
        assertThat(queue.path("queued").asInt()).isZero();
        assertThat(queue.path("full").asBoolean()).isTrue();
        assertThat(flavor(catalog(project), Bodies.FREE_FLAVOR).at("/flavor_details/status").asText())
                .as("sold out, as an instance's flavor_details shows it").isEqualTo("soldOut");
        assertThat(flavor(catalog(project), Bodies.CPU_FLAVOR).has("queue")).isFalse();
    }

    @Test
    void a_project_the_token_does_not_allow_is_refused() {
        ApiResponse refused = server.client.get(catalogPath(ApiServer.forbiddenProject()));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.errorCode()).isEqualTo("ModelArts.6621");
    }

    private static JsonNode catalog(String project) {
        ApiResponse response = server.client.get(catalogPath(project));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static String catalogPath(String project) {
        return "/v1/" + project + "/demanager/catalog";
    }

    private static JsonNode flavor(JsonNode catalog, String name) {
        return entry(catalog.path("flavors"), "/flavor_details/name", name);
    }

    private static JsonNode entry(JsonNode array, String pointer, String value) {
        for (JsonNode element : array) {
            if (element.at(pointer).asText().equals(value)) {
                return element;
            }
        }
        throw new AssertionError("no element with " + pointer + " = " + value + " in " + array);
    }

    private static List<String> values(JsonNode array, String pointer) {
        List<String> values = new ArrayList<>();
        array.forEach(element -> values.add(element.at(pointer).asText()));
        return values;
    }
}
