package io.demanager.adapter.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** A request means what its method says: no header or form field makes a GET delete. */
class MethodOverrideHttpTest {

    @RegisterExtension
    static final ApiServer server = ApiServer.start();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override", "x-http-method-override"})
    void a_request_carrying_a_method_override_is_refused_naming_the_header_and_changes_nothing(String header) {
        String project = ApiServer.newProject();
        String instance = ApiServer.instancePath(project, server.createRunning(project, "kept"));

        ApiResponse overridden = server.client.get(instance, header, "DELETE");

        assertThat(overridden.status()).isEqualTo(400);
        assertThat(overridden.errorCode()).isEqualTo("ModelArts.0104");
        assertThat(overridden.errorMessage()).containsIgnoringCase(header);
        ErrorBodies.assertWellFormed(overridden);
        assertThat(server.client.get(instance).status()).isEqualTo(200);
    }

    @Test
    void an_override_to_the_same_method_is_refused_too_because_no_client_needs_one() {
        ApiResponse overridden = server.client.get(ApiServer.instancesPath("p"), "X-HTTP-Method-Override", "GET");

        assertThat(overridden.status()).isEqualTo(400);
    }

    @Test
    void a_method_form_field_is_never_read() {
        String project = ApiServer.newProject();
        String instance = ApiServer.instancePath(project, server.createRunning(project, "kept"));

        ApiResponse form = server.client.post(instance + "/action", "_method=DELETE", "Content-Type", "application/x-www-form-urlencoded");
        ApiResponse query = server.client.get(instance + "?_method=DELETE");

        assertThat(form.status()).isEqualTo(400);
        // A query parameter the route does not take is ignored: the GET reads the instance, and deletes nothing.
        assertThat(query.status()).isEqualTo(200);
        assertThat(query.json().path("status").asText()).isEqualTo("RUNNING");
        assertThat(server.client.get(instance).status()).isEqualTo(200);
    }
}
