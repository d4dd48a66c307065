package io.demanager.adapter.http;

import io.javalin.Javalin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clients that send their request bodies slowly, or not at all, hold connections but not the server: health and
 * other callers' requests are still answered at once, and a body that stalls is refused with 408.
 */
@Isolated("it measures how fast answers come while slow clients hold connections, so nothing else may slow them")
class SlowClientsHttpTest {

    private static final int SLOW_CLIENTS = 1_000;
    private static final Duration BYTE_EVERY = Duration.ofSeconds(2);
    private static final int PROBES = 20;

    @RegisterExtension
    static final ApiServer server = ApiServer.start();

    @Test
    void a_thousand_slow_bodies_leave_health_and_reads_answering_at_once() throws Exception {
        // No minimum rate: only reading bodies without a waiting worker keeps the server free here.
        Javalin lenient = ApiServer.app(server.useCases(), server.healthAndMetrics.healthAndMetrics(),
                new HttpLimits(Duration.ofSeconds(60), 0, HttpLimits.DEFAULT.concurrentRequestsPerCaller()));
        String project = ApiServer.newProject();
        String id = server.create(project, Bodies.create("read-me"));
        String instance = ApiServer.instancePath(project, id);
        var client = new ApiClient(lenient.port(), ApiServer.TOKEN);
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < SLOW_CLIENTS; i++) {
                Socket socket = new Socket("127.0.0.1", lenient.port());
                socket.getOutputStream().write(slowPut(instance).getBytes(StandardCharsets.ISO_8859_1));
                slow.add(socket);
            }
            long[] health = new long[PROBES];
            long[] reads = new long[PROBES];
            long nextByte = System.nanoTime() + BYTE_EVERY.toNanos();
            for (int probe = 0; probe < PROBES; probe++) {
                if (System.nanoTime() >= nextByte) {
                    for (Socket socket : slow) {
                        socket.getOutputStream().write(' ');
                    }
                    nextByte += BYTE_EVERY.toNanos();
                }
                health[probe] = timed(() -> assertThat(client.get("/health/live").status()).isEqualTo(200));
                reads[probe] = timed(() -> assertThat(client.get(instance).status()).isEqualTo(200));
                Thread.sleep(200);
            }

            System.out.printf("With %d slow-body connections held: /health/live median %d ms, max %d ms;"
                            + " GET instance median %d ms, max %d ms%n",
                    SLOW_CLIENTS, median(health), max(health), median(reads), max(reads));
            assertThat(median(health)).isLessThan(100);
            assertThat(median(reads)).isLessThan(100);
            assertThat(max(health)).isLessThan(2_000);
            assertThat(max(reads)).isLessThan(2_000);
            assertThat(slow).allMatch(socket -> !socket.isClosed());
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
            lenient.stop();
        }
    }

    @Test
    void a_body_slower_than_the_minimum_rate_is_refused_with_408() throws Exception {
        Javalin strict = ApiServer.app(server.useCases(), server.healthAndMetrics.healthAndMetrics(),
                new HttpLimits(Duration.ofSeconds(30), 1024, 4));
        String instance = ApiServer.instancePath(ApiServer.newProject(), "DE-00000000-0000-0000-0000-000000000001");
        try (Socket socket = new Socket("127.0.0.1", strict.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(slowPut(instance).getBytes(StandardCharsets.ISO_8859_1));
            long start = System.nanoTime();
            String answer = "";
            for (int i = 0; i < 5 && answer.isEmpty(); i++) {
                Thread.sleep(1_000);
                out.write(' ');
                answer = available(socket.getInputStream());
            }

            assertThat(answer).startsWith("HTTP/1.1 408").contains("\"error_code\":\"ModelArts.0104\"");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        } finally {
            strict.stop();
        }
    }

    @Test
    void a_body_that_stops_coming_is_refused_with_408_after_the_idle_timeout() throws Exception {
        Javalin strict = ApiServer.app(server.useCases(), server.healthAndMetrics.healthAndMetrics(),
                new HttpLimits(Duration.ofMillis(500), 0, 4));
        String instance = ApiServer.instancePath(ApiServer.newProject(), "DE-00000000-0000-0000-0000-000000000001");
        try (Socket socket = new Socket("127.0.0.1", strict.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(slowPut(instance).getBytes(StandardCharsets.ISO_8859_1));

            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);

            assertThat(answer).startsWith("HTTP/1.1 408");
        } finally {
            strict.stop();
        }
    }

    private static String slowPut(String instance) {
        return "PUT " + instance + " HTTP/1.1\r\nHost: localhost\r\nX-Auth-Token: " + ApiServer.TOKEN
                + "\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{";
    }

    private static String available(InputStream in) throws IOException {
        return in.available() == 0 ? "" : new String(in.readNBytes(in.available()), StandardCharsets.ISO_8859_1);
    }

    private static long timed(Runnable request) {
        long start = System.nanoTime();
        request.run();
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }

    private static long median(long[] millis) {
        long[] sorted = millis.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static long max(long[] millis) {
        return Arrays.stream(millis).max().orElseThrow();
    }
}
