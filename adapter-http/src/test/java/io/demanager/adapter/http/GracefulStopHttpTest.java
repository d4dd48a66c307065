package io.demanager.adapter.http;

import io.demanager.application.port.in.InstanceUseCases;
import io.demanager.application.port.in.ListInstancesUseCase;
import io.demanager.domain.error.DomainError;
import io.javalin.Javalin;
import io.vavr.control.Either;
import io.vavr.collection.List;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static io.demanager.adapter.http.ApiServer.instancesPath;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stopping the server lets the requests in flight finish and be answered; one it cannot finish because its body
 * never arrived is answered 503 with {@code Retry-After}, never as the client's fault.
 */
class GracefulStopHttpTest {

    @Test
    void a_request_in_flight_when_the_stop_begins_is_answered_before_the_server_stops() throws Exception {
        CountDownLatch listing = new CountDownLatch(1);
        CountDownLatch mayFinish = new CountDownLatch(1);
        ListInstancesUseCase slowList = query -> {
            listing.countDown();
            awaitQuietly(mayFinish);
            return Either.right(new ListInstancesUseCase.InstanceList(0, List.empty()));
        };
        InstanceUseCases useCases = new InstanceUseCases(command -> unused(), slowList, instance -> unused(),
                command -> unused(), command -> unused(), command -> unused(), instance -> unused(), query -> unused(),
                command -> unused(), query -> unused(), query -> unused(), query -> unused());
        Javalin app = ApiServer.app(useCases, new TestHealthAndMetrics().healthAndMetrics());
        ApiClient client = new ApiClient(app.port(), ApiServer.TOKEN);

        CompletableFuture<ApiResponse> inFlight = CompletableFuture.supplyAsync(() -> client.get(instancesPath("p") + "?de_type=Notebook"));
        assertThat(listing.await(10, TimeUnit.SECONDS)).as("the request reached its use case").isTrue();
        CompletableFuture<Void> stopped = CompletableFuture.runAsync(app::stop);
        while (!app.jettyServer().server().isStopping() && !stopped.isDone()) {
            Thread.onSpinWait();
        }
        boolean stoppedBeforeTheAnswer = stopped.isDone();
        mayFinish.countDown();

        assertThat(stoppedBeforeTheAnswer).isFalse();
        assertThat(inFlight.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
        stopped.get(10, TimeUnit.SECONDS);
    }

    @Test
    void a_request_whose_body_is_still_arriving_when_the_stop_begins_is_routed_once_the_body_completes() throws Exception {
        ApiServer server = ApiServer.start();
        Javalin app = ApiServer.app(server.useCases(), new TestHealthAndMetrics().healthAndMetrics());
        byte[] body = Bodies.create("completed-during-the-stop").getBytes(StandardCharsets.UTF_8);
        try (server; Socket socket = new Socket("127.0.0.1", app.port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + instancesPath("p") + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Auth-Token: " + ApiServer.TOKEN
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, body.length / 2);
            out.flush();
            awaitTheHeadTaken(app);

            CompletableFuture<Void> stopped = CompletableFuture.runAsync(app::stop);
            GracefulHandler graceful = app.jettyServer().server().getDescendant(GracefulHandler.class);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!graceful.isShutdown()) {
                assertThat(System.nanoTime()).as("the stop began within 10 s").isLessThan(deadline);
                Thread.sleep(5);
            }
            out.write(body, body.length / 2, body.length - body.length / 2);
            out.flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);

            assertThat(answer).startsWith("HTTP/1.1 200 ").contains("\"name\":\"completed-during-the-stop\"");
            stopped.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void a_request_whose_body_is_still_arriving_when_the_stop_begins_gets_503_with_Retry_After() throws Exception {
        TestHealthAndMetrics healthAndMetrics = new TestHealthAndMetrics();
        ListInstancesUseCase unusedList = query -> {
            throw new AssertionError("not called by this test");
        };
        InstanceUseCases useCases = new InstanceUseCases(command -> unused(), unusedList, instance -> unused(),
                command -> unused(), command -> unused(), command -> unused(), instance -> unused(), query -> unused(),
                command -> unused(), query -> unused(), query -> unused(), query -> unused());
        Javalin app = ApiServer.app(useCases, healthAndMetrics.healthAndMetrics());
        String body = "{\"name\": \"cut-short\", \"profile_id\": \"Python3\", \"flavor\": \"modelarts.vm.cpu.2u\"}";
        try (Socket socket = new Socket("127.0.0.1", app.port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + instancesPath("p") + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Auth-Token: " + ApiServer.TOKEN
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n"
                    + body.substring(0, body.length() / 2)).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            awaitTheHeadTaken(app);

            app.stop();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);

            assertThat(answer).startsWith("HTTP/1.1 503 ").containsIgnoringCase("\r\nRetry-After: 1\r\n")
                    .contains("\"error_code\":\"ModelArts.6101\"");
        }
        assertThat(healthAndMetrics.reported).containsExactly(new TestHealthAndMetrics.Reported("POST", InstanceRoutes.INSTANCES, 503));
    }

    /** Its body is read before any route or metric counts it, but the graceful stop counts it from its head on. */
    private static void awaitTheHeadTaken(Javalin app) throws InterruptedException {
        GracefulHandler graceful = app.jettyServer().server().getDescendant(GracefulHandler.class);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (graceful.getCurrentRequestCount() == 0) {
            assertThat(System.nanoTime()).as("the server took the request's head within 10 s").isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static <T> Either<DomainError, T> unused() {
        throw new AssertionError("not called by this test");
    }
}
