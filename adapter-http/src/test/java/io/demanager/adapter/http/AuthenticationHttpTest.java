package io.demanager.adapter.http;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.stream.Stream;

import static io.demanager.adapter.http.ApiServer.instancePath;
import static io.demanager.adapter.http.ApiServer.instancesPath;
import static org.assertj.core.api.Assertions.assertThat;

/** Who may do what (section 8 of docs/devenviron-api.md): a token names a user and the projects that user may act in. */
class AuthenticationHttpTest {

    @RegisterExtension
    static final ApiServer server = ApiServer.start();
    private static String project;
    private static String instance;

    /** One request of each operation; {@code body} is null for those that take none. */
    private record Operation(String method, String pathBelowProject, String body) {

        String path(String project) {
            return instancesPath(project) + pathBelowProject;
        }

        @Override
        public String toString() {
            return method + " " + pathBelowProject;
        }
    }

    @BeforeAll
    static void start() {
        project = ApiServer.newProject();
        instance = server.createRunning(project, "guarded");
    }

    static Stream<Operation> operations() {
        String one = "/" + instance;
        return Stream.of(
                new Operation("POST", "", Bodies.create("intruder")),
                new Operation("GET", "?de_type=Notebook", null),
                new Operation("GET", one, null),
                new Operation("PUT", one, "{\"description\": \"taken over\"}"),
                new Operation("DELETE", one, null),
                new Operation("POST", one + "/action", Bodies.action("stop")),
                new Operation("GET", one + "/token", null),
                new Operation("GET", one + "/events", null),
                new Operation("PATCH", one + "/lease", "{\"duration\": 7200}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void every_operation_without_a_token_answers_401_and_changes_nothing(Operation operation) {
        ApiResponse response = send(server.client.withoutToken(), operation, project);

        assertUnauthenticated(response);
        assertNothingChanged();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void every_operation_with_a_token_nobody_issued_answers_401_and_changes_nothing(Operation operation) {
        ApiResponse response = send(server.client.withToken("forged-token"), operation, project);

        assertUnauthenticated(response);
        assertNothingChanged();
    }

    @Test
    void an_empty_token_names_nobody() {
        assertUnauthenticated(server.client.withoutToken().get(instancesPath(project) + "?de_type=Notebook", "X-Auth-Token", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void every_operation_in_a_project_the_token_does_not_allow_answers_403(Operation operation) {
        ApiResponse response = send(server.client, operation, ApiServer.forbiddenProject());

        assertThat(response.status()).as(response.body()).isEqualTo(403);
        assertThat(response.errorCode()).isEqualTo("ModelArts.6621");
        ErrorBodies.assertWellFormed(response);
    }

    /** A query and a body that would be refused with 400 if they were read: the 403 comes first. */
    @Test
    void a_forbidden_project_is_refused_before_the_request_is_read() {
        String forbidden = instancesPath(ApiServer.forbiddenProject());

        assertThat(server.client.get(forbidden + "?no_such_parameter=1").status()).isEqualTo(403);
        assertThat(server.client.post(forbidden, "{\"name\": ").status()).isEqualTo(403);
        assertThat(server.client.get(forbidden.replace("/v1/", "/v1/not.a.project.") + "?de_type=Notebook").status())
                .isEqualTo(403);
    }

    @Test
    void an_instance_of_another_project_the_token_allows_does_not_exist_there() {
        ApiResponse elsewhere = server.client.get(instancePath(ApiServer.newProject(), instance));

        assertThat(elsewhere.errorCode()).isEqualTo("ModelArts.6309");
    }

    @Test
    void the_owner_of_a_new_instance_is_the_user_the_token_names() {
        ApiResponse created = server.client.withToken(ApiServer.OTHER_TOKEN).post(instancesPath(project), Bodies.create("owned"));

        assertThat(created.json().path("user").path("id").asText()).isEqualTo(ApiServer.OTHER_USER.id());
        assertThat(created.json().path("user").path("name").asText()).isEqualTo(ApiServer.OTHER_USER.name());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/health/live", "/health/ready", "/metrics", "/openapi.yaml"})
    void the_operators_endpoints_and_the_api_document_need_no_token(String path) {
        assertThat(server.client.withoutToken().get(path).status()).isEqualTo(200);
    }

    /** Every route is public knowledge (the API document): telling that one does not exist reveals nothing. */
    @Test
    void a_route_that_does_not_exist_answers_404_with_or_without_a_token() {
        assertThat(server.client.withoutToken().get("/v1/" + project + "/demanager/notebooks").status()).isEqualTo(404);
        assertThat(server.client.get("/v1/" + project + "/demanager/notebooks").status()).isEqualTo(404);
    }

    private static ApiResponse send(ApiClient client, Operation operation, String inProject) {
        return operation.body() == null
                ? client.send(operation.method(), operation.path(inProject), null)
                : client.send(operation.method(), operation.path(inProject), operation.body(), "Content-Type", "application/json");
    }

    private static void assertUnauthenticated(ApiResponse response) {
        assertThat(response.status()).as(response.body()).isEqualTo(401);
        assertThat(response.errorCode()).isEqualTo("ModelArts.6620");
        assertThat(response.errorMessage()).isEqualTo("Please refresh the user token.");
        ErrorBodies.assertWellFormed(response);
    }

    private static void assertNothingChanged() {
        ApiResponse list = server.client.get(instancesPath(project) + "?de_type=Notebook&show_self=false");
        assertThat(list.json().path("instances").findValuesAsText("name")).doesNotContain("intruder");
        ApiResponse guarded = server.client.get(instancePath(project, instance));
        assertThat(guarded.json().path("status").asText()).isEqualTo("RUNNING");
        assertThat(guarded.json().path("description").asText()).isEmpty();
    }

    @Test
    void a_bearer_token_in_authorization_is_read_like_x_auth_token_and_wins_over_it() {
        String path = instancesPath(project) + "/" + instance;

        ApiResponse bearer = server.client.withoutToken().get(path, "Authorization", "Bearer " + ApiServer.TOKEN);
        ApiResponse badBearer = server.client.get(path, "Authorization", "Bearer not-a-token");
        ApiResponse basic = server.client.get(path, "Authorization", "Basic dXNlcjpwYXNz");

        assertThat(bearer.status()).isEqualTo(200);
        assertThat(badBearer.status()).isEqualTo(401);
        assertThat(basic.status()).isEqualTo(200);
    }
}
