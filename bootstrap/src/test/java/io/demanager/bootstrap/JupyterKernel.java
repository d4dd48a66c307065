package io.demanager.bootstrap;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A kernel of a running notebook, driven as a user's browser drives it: started through {@code /api/kernels}, given
 * code over its channels' websocket (Jupyter's JSON messages, an {@code execute_request} on the shell channel).
 * Closing it closes the websocket; the kernel goes on with what it runs until the notebook stops.
 */
final class JupyterKernel implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebSocket channels;
    private final String session = UUID.randomUUID().toString();

    private JupyterKernel(WebSocket channels) {
        this.channels = channels;
    }

    /** A new kernel of the notebook at {@code url} (ending with /), opened with {@code token}. */
    static JupyterKernel start(String url, String token) {
        var request = HttpRequest.newBuilder(URI.create(url + "api/kernels"))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "token " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build();
        try {
            HttpResponse<String> started = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (started.statusCode() != 201) {
                throw new AssertionError("the kernel did not start: " + started.statusCode() + " " + started.body());
            }
            String id = JSON.readTree(started.body()).path("id").asText();
            WebSocket channels = HTTP.newWebSocketBuilder()
                    .header("Authorization", "token " + token)
                    .buildAsync(URI.create(url.replaceFirst("^http", "ws") + "api/kernels/" + id + "/channels"),
                            new WebSocket.Listener() { })
                    .join();
            return new JupyterKernel(channels);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Asks the kernel to run {@code code}, and returns as soon as the request is sent. */
    void execute(String code) {
        Map<String, Object> message = Map.of(
                "header", Map.of("msg_id", UUID.randomUUID().toString(), "username", "test", "session", session,
                        "msg_type", "execute_request", "version", "5.3", "date", Instant.now().toString()),
                "parent_header", Map.of(),
                "metadata", Map.of(),
                "content", Map.of("code", code, "silent", false, "store_history", false, "user_expressions", Map.of(),
                        "allow_stdin", false, "stop_on_error", true),
                "channel", "shell",
                "buffers", java.util.List.of());
        try {
            channels.sendText(JSON.writeValueAsString(message), true).join();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        channels.abort();
    }
}
