package io.demanager.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;


import static io.demanager.adapter.http.ApiServer.instanceNames;
import static io.demanager.adapter.http.ApiServer.instancePath;
import static io.demanager.adapter.http.ApiServer.instancesPath;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The requests of Open Telekom Cloud's SDK for this API (otcextensions' modelartsv1 devenv proxy) that a strict
 * reading once refused, replayed as it sends them, and the limits of what is read leniently.
 */
class ClientCompatibilityHttpTest {

    @RegisterExtension
    static final ApiServer server = ApiServer.start();

    private String project;
    private String id;

    @BeforeEach
    void a_running_instance() {
        project = ApiServer.newProject();
        id = server.createRunning(project, "sdk-notebook");
    }

    @Test
    void the_sdk_update_with_a_top_level_auto_stop_changes_spec_auto_stop() {
        ApiResponse modified = server.client.put(instancePath(project, id), """
                {"auto_stop": {"enable": true, "duration": 7200}}""");

        assertThat(modified.status()).as(modified.body()).isEqualTo(200);
        JsonNode autoStop = server.client.get(instancePath(project, id)).json().path("spec").path("auto_stop");
        assertThat(autoStop.path("enable").asBoolean()).isTrue();
        assertThat(autoStop.path("duration").asLong()).isEqualTo(7200);
    }

    @Test
    void auto_stop_at_the_top_and_in_spec_at_once_is_refused_naming_it_and_changes_nothing() {
        long before = server.client.get(instancePath(project, id)).json().path("spec").path("auto_stop").path("duration").asLong();

        ApiResponse refused = server.client.put(instancePath(project, id), """
                {"auto_stop": {"duration": 7200}, "spec": {"auto_stop": {"duration": 10800}}}""");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorCode()).isEqualTo("ModelArts.6336");
        assertThat(refused.errorMessage()).isEqualTo("'auto_stop' property value is incorrect.");
        assertThat(server.client.get(instancePath(project, id)).json().path("spec").path("auto_stop").path("duration").asLong())
                .isEqualTo(before);
    }

    @Test
    void a_bad_value_in_a_top_level_auto_stop_is_named_where_the_client_wrote_it() {
        ApiResponse refused = server.client.put(instancePath(project, id), """
                {"auto_stop": {"duration": "7200"}}""");

        assertThat(refused.errorCode()).isEqualTo("ModelArts.6332");
        assertThat(refused.errorMessage()).contains("'auto_stop.duration'");
    }

    @Test
    void the_sdk_list_with_ai_project_id_filters_by_ai_project() {
        server.create(project, """
                {"name": "elsewhere", "profile_id": "%s", "flavor": "%s", "spec": {"storage": {"type": "evs"}},
                 "ai_project": {"id": "ai-2"}}""".formatted(Bodies.CPU_PROFILE, Bodies.CPU_FLAVOR));

        assertThat(instanceNames(list("de_type=Notebook&ai_project_id=ai-2"))).containsExactly("elsewhere");
        assertThat(instanceNames(list("de_type=Notebook&ai_project_id=default-ai-project"))).containsExactly("sdk-notebook");
    }

    @Test
    void the_sdk_list_with_show_self_in_python_case_is_read_as_a_boolean() {
        server.client.withToken(ApiServer.OTHER_TOKEN).post(instancesPath(project), Bodies.create("someone-elses"));

        assertThat(instanceNames(list("de_type=Notebook&show_self=True"))).containsExactly("sdk-notebook");
        assertThat(instanceNames(list("de_type=Notebook&show_self=FALSE"))).containsExactlyInAnyOrder("sdk-notebook", "someone-elses");
    }

    @Test
    void a_query_parameter_the_list_does_not_take_is_ignored() {
        assertThat(instanceNames(list("de_type=Notebook&region=eu-de&name=anything&name=twice"))).containsExactly("sdk-notebook");
    }

    @Test
    void the_sdk_find_reads_an_instance_with_de_type() {
        ApiResponse found = server.client.get(instancePath(project, id) + "?de_type=Notebook");

        assertThat(found.status()).as(found.body()).isEqualTo(200);
        assertThat(found.json().path("id").asText()).isEqualTo(id);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "?de_type=Notebook&ai_project=ai-1&ai_project_id=ai-1 | ModelArts.6336 | 'ai_project_id' property value is incorrect.",
            "?de_type=Notebook&ai_project_id=a%2Fb                | ModelArts.6336 | 'ai_project_id' property value is incorrect.",
            "?de_type=Notebook&show_self=yes                      | ModelArts.6332 | Incorrect parameter type. The 'show_self' parameter must be of the 'boolean' type.",
            "?de_type=Notebook&limit=1&limit=2                    | ModelArts.6336 | 'limit' property value is incorrect."})
    void known_parameters_are_still_read_strictly(String query, String code, String message) {
        ApiResponse refused = server.client.get(instancesPath(project) + query);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorCode()).isEqualTo(code);
        assertThat(refused.errorMessage()).isEqualTo(message);
    }

    @Test
    void an_instance_read_with_another_de_type_is_refused_naming_it() {
        ApiResponse refused = server.client.get(instancePath(project, id) + "?de_type=Workflow");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorMessage()).isEqualTo("'de_type' property value is incorrect.");
    }

    private JsonNode list(String query) {
        ApiResponse response = server.client.get(instancesPath(project) + "?" + query);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }
}
