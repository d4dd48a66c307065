package io.demanager.adapter.http;

import io.demanager.application.port.in.InstanceUseCases;
import io.demanager.application.port.in.ListInstancesUseCase;
import io.demanager.application.port.in.StoreUnavailable;
import io.demanager.domain.error.DomainError;
import io.javalin.Javalin;
import io.vavr.control.Either;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.demanager.adapter.http.ApiServer.instancePath;
import static io.demanager.adapter.http.ApiServer.instancesPath;
import static org.assertj.core.api.Assertions.assertThat;

/** Everything outside the instance operations: unknown routes, wrong methods, requests the server cannot read, bugs. */
class RoutingHttpTest {

    private static final String SOME_ID = "DE-00000000-0000-0000-0000-000000000001";

    @RegisterExtension
    static final ApiServer server = ApiServer.start();

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "GET, /v1",
            "GET, /console/unknown.js",
            "GET, /console/swagger-ui/index.html",
            "GET, /v2/p/demanager/instances",
            "GET, /v1/p/demanager/instances/",
            "GET, /v1/p/demanager/instances//action",
            "POST, /v1/p/demanager/instances/" + SOME_ID + "/actions",
            "GET, /v1/p/demanager/instances/" + SOME_ID + "/token/",
            "DELETE, /V1/p/demanager/instances/" + SOME_ID,
            "GET, /openapi.json"})
    void a_route_that_does_not_exist_answers_404_with_the_error_body(String method, String path) {
        ApiResponse response = server.client.send(method, path, null);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.errorCode()).isEqualTo("ModelArts.0104");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "PUT, /v1/p/demanager/instances, 'GET, POST, HEAD'",
            "DELETE, /v1/p/demanager/instances, 'GET, POST, HEAD'",
            "POST, /v1/p/demanager/instances/" + SOME_ID + ", 'GET, PUT, DELETE, HEAD'",
            "PATCH, /v1/p/demanager/instances/" + SOME_ID + ", 'GET, PUT, DELETE, HEAD'",
            "GET, /v1/p/demanager/instances/" + SOME_ID + "/action, POST",
            "PUT, /v1/p/demanager/instances/" + SOME_ID + "/token, 'GET, HEAD'",
            "OPTIONS, /v1/p/demanager/instances, 'GET, POST, HEAD'",
            "POST, /openapi.yaml, 'GET, HEAD'"})
    void a_method_a_route_does_not_take_answers_405_with_the_allowed_ones(String method, String path, String allowed) {
        ApiResponse response = server.client.send(method, path, null);

        assertThat(response.status()).isEqualTo(405);
        assertThat(response.errorCode()).isEqualTo("ModelArts.0104");
        assertThat(response.header("Allow")).contains(allowed);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "GET /v1/p/demanager/instances/%zz HTTP/1.1",
            "GET /v1/p/demanager/instances/a%00b HTTP/1.1",
            "GET /v1/p/demanager/instances/..%2F..%2Fopenapi.yaml HTTP/1.1",
            "GET /v1/p/demanager/instances/ab\tcd HTTP/1.1",
            "BREW /v1/p/demanager/instances HTTP/1.1",
            "GET v1/p/demanager/instances HTTP/1.1",
            "GARBAGE"})
    void a_request_the_server_cannot_read_answers_the_error_body_not_a_page(String requestLine) {
        RawHttp.Response response = RawHttp.send(server.client.port(), requestLine + "\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(response.status()).isBetween(400, 499);
        ErrorBodies.assertWellFormed(response.asApiResponse());
    }

    @Test
    void an_http_version_the_server_does_not_speak_answers_505_with_the_error_body() {
        RawHttp.Response response = RawHttp.send(server.client.port(),
                "GET " + instancesPath("p") + "?de_type=Notebook HTTP/9.9\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(response.status()).isEqualTo(505);
        assertThat(response.asApiResponse().errorCode()).isEqualTo("ModelArts.0104");
    }

    @Test
    void headers_too_large_answer_the_error_body_not_a_page() {
        RawHttp.Response response = RawHttp.send(server.client.port(), "GET " + instancesPath("p") + "?de_type=Notebook HTTP/1.1\r\n"
                + "Host: localhost\r\nX-Padding: " + "p".repeat(64 * 1024) + "\r\nConnection: close\r\n\r\n");

        assertThat(response.status()).isEqualTo(431);
        ErrorBodies.assertWellFormed(response.asApiResponse());
    }

    @Test
    void a_failure_nobody_expected_answers_500_without_a_detail_of_it() {
        ApiResponse response = listingThatFails(() -> {
            throw new IllegalStateException("connection to db.internal:5432 refused");
        });

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.errorCode()).isEqualTo("ModelArts.6102");
        assertThat(response.errorMessage()).isEqualTo("Internal error.");
        assertThat(response.body()).doesNotContain("db.internal").doesNotContain("IllegalState");
    }

    @Test
    void a_fatal_error_answers_500_with_the_error_body_too() {
        ApiResponse response = listingThatFails(() -> {
            throw new StackOverflowError("deep in db.internal");
        });

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.errorCode()).isEqualTo("ModelArts.6102");
        assertThat(response.body()).doesNotContain("db.internal").doesNotContain("StackOverflow");
    }

    @Test
    void a_store_that_cannot_be_reached_answers_503_at_once_with_retry_after() {
        ApiResponse response = listingThatFails(() -> {
            throw new StoreUnavailable("connection to db.internal:5432 refused", null);
        });

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.header("Retry-After")).contains("1");
        assertThat(response.errorCode()).isEqualTo("ModelArts.6101");
        assertThat(response.errorMessage()).isEqualTo("The system is busy now. Please try again later.");
        assertThat(response.body()).doesNotContain("db.internal");
    }

    /** The answer to a list on an API whose list use case fails as {@code failure} does; no other use case is called. */
    private static ApiResponse listingThatFails(Runnable failure) {
        ListInstancesUseCase failing = query -> {
            failure.run();
            throw new AssertionError("the failure did not happen");
        };
        InstanceUseCases useCases = new InstanceUseCases(command -> unused(), failing, instance -> unused(),
                command -> unused(), command -> unused(), command -> unused(), instance -> unused(), query -> unused(),
                command -> unused(), query -> unused(), query -> unused(), query -> unused());
        Javalin app = ApiServer.app(useCases, new TestHealthAndMetrics().healthAndMetrics());
        try {
            return new ApiClient(app.port(), ApiServer.TOKEN).get(instancesPath("p") + "?de_type=Notebook");
        } finally {
            app.stop();
        }
    }

    @Test
    void head_answers_what_get_answers_without_the_body() {
        ApiResponse head = server.client.send("HEAD", instancesPath("p") + "?de_type=Notebook", null);
        ApiResponse refused = server.client.send("HEAD", instancesPath("p"), null);

        assertThat(head.status()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).isEmpty();
    }

    @Test
    void serves_the_api_document_as_written_in_docs() throws IOException {
        ApiResponse document = server.client.get(HttpApi.OPENAPI_PATH);

        assertThat(document.status()).isEqualTo(200);
        assertThat(document.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/yaml"));
        assertThat(document.body()).isEqualTo(Files.readString(Path.of("../docs/openapi.yaml"), StandardCharsets.UTF_8));
    }

    @Test
    void an_instance_path_under_another_project_is_not_found_there() {
        String owner = ApiServer.newProject();
        String id = server.create(owner, Bodies.create("mine"));

        ApiResponse elsewhere = server.client.delete(instancePath(ApiServer.newProject(), id));

        assertThat(elsewhere.errorCode()).isEqualTo("ModelArts.6309");
        assertThat(server.client.get(instancePath(owner, id)).status()).isEqualTo(200);
    }

    private static <T> Either<DomainError, T> unused() {
        throw new AssertionError("not called by this test");
    }
}
