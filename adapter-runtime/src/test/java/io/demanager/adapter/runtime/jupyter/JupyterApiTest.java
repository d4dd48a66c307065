package io.demanager.adapter.runtime.jupyter;

import com.sun.net.httpserver.HttpServer;
import io.demanager.domain.idle.NotebookActivity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** How a notebook's own account of its kernels becomes activity. */
class JupyterApiTest {

    private HttpServer notebook;

    @BeforeEach
    void aNotebookWithAKernelInEachState() throws IOException {
        notebook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        answer("/api/kernels", """
                [{"id": "running", "execution_state": "busy", "last_activity": "2026-01-02T03:04:05Z"},
                 {"id": "unheard", "execution_state": "starting", "last_activity": "2026-01-02T03:04:05Z"},
                 {"id": "waiting", "execution_state": "idle", "last_activity": "2026-01-02T03:04:05Z"}]""");
        answer("/api/terminals", "[]");
        notebook.start();
    }

    @AfterEach
    void stop() {
        notebook.stop(0);
    }

    @Test
    void aKernelTheNotebookDoesNotKnowToBeIdleCountsAsBusy() {
        NotebookActivity activity = new JupyterApi()
                .activity("http://127.0.0.1:" + notebook.getAddress().getPort() + "/", "token").get();

        assertThat(activity.kernels().map(kernel -> kernel.id() + " " + kernel.busy()))
                .containsExactly("running true", "unheard true", "waiting false");
    }

    private void answer(String path, String body) {
        notebook.createContext(path, exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
    }
}
