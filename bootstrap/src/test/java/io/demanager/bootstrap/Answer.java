package io.demanager.bootstrap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.UncheckedIOException;
import java.net.http.HttpHeaders;

/** An answer of the server, as a client saw it. */
public record Answer(int status, HttpHeaders headers, String body) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public JsonNode json() {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException notJson) {
            throw new UncheckedIOException("not a JSON answer (" + status + "): " + body, notJson);
        }
    }

    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }
}
