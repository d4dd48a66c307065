package io.demanager.adapter.runtime.jupyter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.demanager.domain.idle.NotebookActivity;
import io.vavr.collection.List;
import io.vavr.control.Option;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * The few calls of the Jupyter Server REST API the runtimes make, whatever runs the notebook. Activity is read from the kernels and terminals
 * only: {@code /api/status} counts every API call, the runtime's own included, as activity.
 */
public final class JupyterApi {

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(2);
    /**
     * The kernel states that count as activity now. Jupyter Server learns a kernel's state from the kernel's published
     * messages, and it was seen to report {@code starting} for a whole run of a cell when it missed them: a kernel it
     * does not know to be idle is not taken for idle, so that idle stop never stops a notebook that may be working.
     */
    private static final Set<String> NOT_KNOWN_IDLE = Set.of("busy", "starting");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CALL_TIMEOUT).build();
    private final ObjectMapper json = new ObjectMapper();

    /** Whether the notebook at {@code url} answers {@code /api/status} with {@code token}. */
    public boolean answers(String url, String token) {
        return get(url, "api/status", token).isDefined();
    }

    /** The notebook's kernels and terminals; none when either cannot be read. */
    public Option<NotebookActivity> activity(String url, String token) {
        return get(url, "api/kernels", token).flatMap(kernels -> get(url, "api/terminals", token).map(terminals ->
                new NotebookActivity(
                        List.ofAll(kernels).map(kernel -> new NotebookActivity.Kernel(
                                kernel.path("id").asText(),
                                NOT_KNOWN_IDLE.contains(kernel.path("execution_state").asText()),
                                Instant.parse(kernel.path("last_activity").asText()))),
                        List.ofAll(terminals).map(terminal -> new NotebookActivity.Terminal(
                                terminal.path("name").asText(),
                                Option.of(terminal.get("last_activity")).filter(JsonNode::isTextual)
                                        .map(at -> Instant.parse(at.asText())))))));
    }

    private Option<JsonNode> get(String url, String path, String token) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + path))
                .header("Authorization", "token " + token)
                .timeout(CALL_TIMEOUT)
                .GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Option.some(json.readTree(response.body())) : Option.none();
        } catch (IOException e) {
            return Option.none();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Option.none();
        }
    }
}
