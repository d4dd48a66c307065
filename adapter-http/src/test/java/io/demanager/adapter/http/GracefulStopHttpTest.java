package io.demanager.adapter.http;

import io.demanager.application.port.in.InstanceUseCases;
import io.demanager.application.port.in.ListInstancesUseCase;
import io.demanager.domain.error.DomainError;
import io.javalin.Javalin;
import io.vavr.collection.List;
import io.vavr.control.Either;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static io.demanager.adapter.http.ApiServer.instancesPath;
import static org.assertj.core.api.Assertions.assertThat;

/** Stopping the server lets the requests in flight finish and be answered. */
class GracefulStopHttpTest {

    @Test
    void a_request_in_flight_when_the_stop_begins_is_answered_before_the_server_stops() throws Exception {
        CountDownLatch listing = new CountDownLatch(1);
        CountDownLatch mayFinish = new CountDownLatch(1);
        ListInstancesUseCase slowList = query -> {
            listing.countDown();
            awaitQuietly(mayFinish);
            return new ListInstancesUseCase.InstanceList(0, List.empty());
        };
        InstanceUseCases useCases = new InstanceUseCases(command -> unused(), slowList, instance -> unused(),
                command -> unused(), command -> unused(), command -> unused(), instance -> unused(), query -> unused());
        Javalin app = ApiServer.app(useCases, new TestOperations().operations());
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
