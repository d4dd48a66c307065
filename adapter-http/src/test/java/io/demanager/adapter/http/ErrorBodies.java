package io.demanager.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** What every refusal must look like: JSON with exactly a ModelArts code and a message, and nothing of the internals. */
final class ErrorBodies {

    private ErrorBodies() {
    }

    static void assertWellFormed(ApiResponse response) {
        assertThat(response.status()).as("status of %s", response.body()).isBetween(400, 499);
        assertThat(response.header("Content-Type")).as("content type").hasValueSatisfying(type ->
                assertThat(type).startsWith("application/json"));
        JsonNode body = response.json();
        assertThat(body.isObject()).as("an object: %s", response.body()).isTrue();
        assertThat(body.size()).as("exactly two fields: %s", response.body()).isEqualTo(2);
        assertThat(body.path("error_code").isTextual()).as("error_code: %s", response.body()).isTrue();
        assertThat(body.path("error_code").asText()).matches("ModelArts\\.\\d{4}");
        assertThat(body.path("error_message").isTextual()).as("error_message: %s", response.body()).isTrue();
        assertThat(body.path("error_message").asText()).isNotBlank()
                .doesNotContainIgnoringCase("exception", "javalin", "jetty", "jackson")
                .doesNotContain("\tat ");
    }
}
