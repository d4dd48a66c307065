package io.demanager.adapter.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Talks to the API over real HTTP with the JDK client. Every exchange is checked against the OpenAPI document
 * the server serves (see {@link OpenApiContract}), so the document and the code cannot drift apart.
 */
final class ApiClient {

    private static final String JSON = "application/json";

    /** Shared by the copies with other tokens: one pool of connections and one selector thread per server. */
    private final HttpClient http;
    private final int port;
    private final String base;
    private final Optional<String> token;
    private final OpenApiContract contract;

    /**
     * A client that sends {@code token} as {@code X-Auth-Token} with every request that names none itself.
     * It reads the API document the server serves at once, so that every exchange can be checked against it.
     */
    ApiClient(int port, String token) {
        this.port = port;
        this.base = "http://127.0.0.1:" + port;
        this.token = Optional.of(token);
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        this.contract = new OpenApiContract(openApiDocument());
    }

    private ApiClient(ApiClient same, Optional<String> token) {
        this.port = same.port;
        this.base = same.base;
        this.token = token;
        this.http = same.http;
        this.contract = same.contract;
    }

    int port() {
        return port;
    }

    /** The same server and contract, with another token. */
    ApiClient withToken(String otherToken) {
        return new ApiClient(this, Optional.of(otherToken));
    }

    /** The same server and contract, with no token. */
    ApiClient withoutToken() {
        return new ApiClient(this, Optional.empty());
    }

    ApiResponse get(String pathAndQuery, String... headers) {
        return send("GET", pathAndQuery, null, headers);
    }

    ApiResponse delete(String pathAndQuery, String... headers) {
        return send("DELETE", pathAndQuery, null, headers);
    }

    ApiResponse post(String pathAndQuery, String json, String... headers) {
        return send("POST", pathAndQuery, json, withJsonContentType(headers));
    }

    ApiResponse put(String pathAndQuery, String json, String... headers) {
        return send("PUT", pathAndQuery, json, withJsonContentType(headers));
    }

    ApiResponse patch(String pathAndQuery, String json, String... headers) {
        return send("PATCH", pathAndQuery, json, withJsonContentType(headers));
    }

    /** Any request; {@code headers} are name, value, name, value... */
    ApiResponse send(String method, String pathAndQuery, String body, String... headers) {
        return sendBytes(method, pathAndQuery, body == null ? null : body.getBytes(StandardCharsets.UTF_8), headers);
    }

    /** Any request with a body of bytes as they are, well-formed UTF-8 or not. */
    ApiResponse sendBytes(String method, String pathAndQuery, byte[] body, String... headers) {
        var request = HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        Map<String, String> sentHeaders = new LinkedHashMap<>();
        for (int i = 0; i < headers.length; i += 2) {
            sentHeaders.put(headers[i], headers[i + 1]);
        }
        if (!hasHeader(headers, Authentication.TOKEN_HEADER)) {
            token.ifPresent(value -> sentHeaders.put(Authentication.TOKEN_HEADER, value));
        }
        sentHeaders.forEach(request::header);
        ApiResponse response = exchange(request.build());
        String sentBody = body == null ? null : new String(body, StandardCharsets.UTF_8);
        contract.check(new OpenApiContract.Exchange(method, pathAndQuery, sentHeaders, sentBody, response));
        return response;
    }

    /** The served document; the contract is built from what the server really serves. */
    String openApiDocument() {
        ApiResponse response = exchange(HttpRequest.newBuilder(URI.create(base + HttpApi.OPENAPI_PATH)).GET().build());
        if (response.status() != 200) {
            throw new IllegalStateException("GET " + HttpApi.OPENAPI_PATH + " answered " + response.status());
        }
        return response.body();
    }

    private ApiResponse exchange(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            Map<String, List<String>> headers = new LinkedHashMap<>();
            response.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
            return new ApiResponse(response.statusCode(), headers, response.body());
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    private static boolean hasHeader(String[] headers, String name) {
        for (int i = 0; i < headers.length; i += 2) {
            if (headers[i].equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    private static String[] withJsonContentType(String[] headers) {
        if (hasHeader(headers, "Content-Type")) {
            return headers;
        }
        String[] all = Arrays.copyOf(headers, headers.length + 2);
        all[headers.length] = "Content-Type";
        all[headers.length + 1] = JSON;
        return all;
    }
}
