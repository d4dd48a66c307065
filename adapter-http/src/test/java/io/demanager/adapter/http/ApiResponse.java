package io.demanager.adapter.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An answer of the API as the client saw it. Header names are lower case. */
record ApiResponse(int status, Map<String, List<String>> headers, String body) {

    private static final ObjectMapper JSON = new ObjectMapper();

    JsonNode json() {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException notJson) {
            throw new UncheckedIOException("not a JSON answer (" + status + "): " + body, notJson);
        }
    }

    Optional<String> header(String name) {
        return headers.getOrDefault(name.toLowerCase(java.util.Locale.ROOT), List.of()).stream().findFirst();
    }

    String errorCode() {
        return json().path("error_code").asText();
    }

    String errorMessage() {
        return json().path("error_message").asText();
    }
}
