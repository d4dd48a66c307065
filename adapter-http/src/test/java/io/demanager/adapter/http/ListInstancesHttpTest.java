package io.demanager.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.demanager.domain.instance.FailedReason;
import io.demanager.domain.instance.RuntimeEvent;
import io.vavr.collection.HashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static io.demanager.adapter.http.ApiServer.instanceNames;
import static io.demanager.adapter.http.ApiServer.instancePath;
import static io.demanager.adapter.http.ApiServer.instancesPath;
import static org.assertj.core.api.Assertions.assertThat;

/** The list: its filters, its sort orders, its page and the total count of matches. */
class ListInstancesHttpTest {

    @RegisterExtension
    static final ApiServer server = ApiServer.start();

    /** A project of three instances created in the order charlie, alpha, bravo; alpha is RUNNING. */
    private String project;

    @BeforeEach
    void three_instances() {
        project = ApiServer.newProject();
        server.create(project, Bodies.create("charlie"));
        server.clock.advance(Duration.ofSeconds(1));
        server.createRunning(project, "alpha");
        server.clock.advance(Duration.ofSeconds(1));
        server.create(project, Bodies.create("bravo"));
    }

    @Test
    void lists_every_instance_of_the_project_by_name_by_default() {
        JsonNode list = list("");

        assertThat(list.path("total_count").asLong()).isEqualTo(3);
        assertThat(instanceNames(list)).containsExactly("alpha", "bravo", "charlie");
        assertThat(list.path("instances").get(0).path("status").asText()).isEqualTo("RUNNING");
    }

    @ParameterizedTest(name = "sortby={0}&order={1}")
    @CsvSource({
            "name, asc, alpha bravo charlie",
            "name, desc, charlie bravo alpha",
            "creation_timestamp, asc, charlie alpha bravo",
            "creation_timestamp, desc, bravo alpha charlie"})
    void sorts_by_name_or_creation_time_either_way(String field, String order, String expected) {
        assertThat(instanceNames(list("&sortby=" + field + "&order=" + order))).containsExactly(expected.split(" "));
    }

    @Test
    void answers_the_page_asked_for_with_the_count_of_every_match() {
        JsonNode page = list("&offset=1&limit=1");
        JsonNode beyond = list("&offset=5&limit=2");
        JsonNode all = list("&offset=0&limit=0");

        assertThat(instanceNames(page)).containsExactly("bravo");
        assertThat(page.path("total_count").asLong()).isEqualTo(3);
        assertThat(instanceNames(beyond)).isEmpty();
        assertThat(beyond.path("total_count").asLong()).isEqualTo(3);
        assertThat(instanceNames(all)).hasSize(3);
    }

    @Test
    void filters_by_status() {
        JsonNode running = list("&status=RUNNING");

        assertThat(instanceNames(running)).containsExactly("alpha");
        assertThat(running.path("total_count").asLong()).isEqualTo(1);
    }

    @Test
    void filters_by_workspace_ai_project_and_pool() {
        server.create(project, """
                {"name": "placed", "profile_id": "Python3", "flavor": "modelarts.vm.cpu.2u",
                 "spec": {"storage": {"type": "evs"}}, "workspace": {"id": "ws-2"}, "ai_project": {"id": "ai-2"},
                 "pool": {"id": "pool-2", "type": "USER_DEFINED", "owner": {"project_id": "%s"}}}
                """.formatted(project));

        assertThat(instanceNames(list(""))).doesNotContain("placed");
        assertThat(instanceNames(list("&workspace_id=ws-2"))).containsExactly("placed");
        assertThat(instanceNames(list("&workspace_id=ws-2&ai_project=ai-2&pool_id=pool-2"))).containsExactly("placed");
        assertThat(instanceNames(list("&workspace_id=ws-2&ai_project=ai-1"))).isEmpty();
        assertThat(instanceNames(list("&workspace_id=ws-2&pool_id=pool-1"))).isEmpty();
    }

    @Test
    void shows_only_the_callers_own_instances_unless_show_self_is_false() {
        server.client.withToken(ApiServer.OTHER_TOKEN).post(instancesPath(project), Bodies.create("someone-elses"));

        assertThat(instanceNames(list(""))).doesNotContain("someone-elses");
        assertThat(instanceNames(list("&show_self=true"))).doesNotContain("someone-elses");
        assertThat(instanceNames(list("&show_self=false"))).contains("someone-elses").hasSize(4);
    }

    @Test
    void never_lists_a_deleted_instance() {
        String id = server.create(project, Bodies.create("doomed"));
        server.report(project, id, new RuntimeEvent.CreateFailed(
                new FailedReason("X", "failed", HashMap.empty())));
        server.client.delete(instancePath(project, id));

        assertThat(instanceNames(list(""))).doesNotContain("doomed");
        assertThat(list("&status=DELETED").path("total_count").asLong()).isZero();
    }

    @ParameterizedTest(name = "?{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "provision_type=Docker                 | 400 | ModelArts.6335 | 'de_type' is a required property.",
            "de_type=ModelArts                     | 400 | ModelArts.6336 | 'de_type' property value is incorrect.",
            "de_type=Notebook&de_type=Notebook     | 400 | ModelArts.6336 | 'de_type' property value is incorrect.",
            "de_type=Notebook&provision_type=K8s   | 400 | ModelArts.6336 | 'provision_type' property value is incorrect.",
            "de_type=Notebook&status=SLEEPING      | 400 | ModelArts.6336 | 'status' property value is incorrect.",
            "de_type=Notebook&sortby=flavor        | 400 | ModelArts.6303 | The field does not support sorting.",
            "de_type=Notebook&order=up             | 400 | ModelArts.6336 | 'order' property value is incorrect.",
            "de_type=Notebook&offset=first         | 400 | ModelArts.6332 | Incorrect parameter type. The 'offset' parameter must be of the 'integer' type.",
            "de_type=Notebook&offset=-1            | 400 | ModelArts.6336 | 'offset' property value is incorrect.",
            "de_type=Notebook&limit=1.5            | 400 | ModelArts.6332 | Incorrect parameter type. The 'limit' parameter must be of the 'integer' type.",
            "de_type=Notebook&limit=99999999999    | 400 | ModelArts.6336 | 'limit' property value is incorrect.",
            "de_type=Notebook&show_self=yes        | 400 | ModelArts.6332 | Incorrect parameter type. The 'show_self' parameter must be of the 'boolean' type.",
            "de_type=Notebook&workspace_id=        | 400 | ModelArts.6336 | 'workspace_id' property value is incorrect.",
            "de_type=Notebook&pool_id=a%2Fb        | 400 | ModelArts.6336 | 'pool_id' property value is incorrect."})
    void refuses_a_query_it_cannot_answer_naming_the_parameter(String query, int status, String code, String message) {
        ApiResponse refused = server.client.get(instancesPath(project) + "?" + query);

        assertThat(refused.status()).isEqualTo(status);
        assertThat(refused.errorCode()).isEqualTo(code);
        assertThat(refused.errorMessage()).isEqualTo(message);
    }

    private JsonNode list(String moreQuery) {
        ApiResponse response = server.client.get(instancesPath(project) + "?de_type=Notebook" + moreQuery);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }
}
