package io.demanager.adapter.http;

import io.demanager.application.port.in.GetInstanceQuery;
import io.demanager.application.port.in.InstanceSnapshot;
import io.demanager.application.port.in.InstanceUseCases;
import io.demanager.domain.error.DomainError;
import io.javalin.Javalin;
import io.vavr.control.Either;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A caller runs a bounded number of requests at once; one more is refused with 429, other callers are not. */
class CallerConcurrencyHttpTest {

    private static final int LIMIT = 3;

    @RegisterExtension
    static final ApiServer server = ApiServer.start();

    @Test
    void one_request_beyond_the_callers_bound_answers_429_with_retry_after_and_the_bound_frees_as_requests_end() throws Exception {
        String project = ApiServer.newProject();
        String id = server.create(project, Bodies.create("held"));
        String instance = ApiServer.instancePath(project, id);
        var held = new Semaphore(0);
        var release = new CountDownLatch(1);
        InstanceUseCases real = server.useCases();
        var holding = new InstanceUseCases(real.create(), real.list(), query -> hold(real, query, held, release), real.modify(),
                real.delete(), real.action(), real.accessToken(), real.events(), real.renew(),
                real.catalog(), real.watchEvents(), real.activity());
        Javalin api = ApiServer.app(holding, server.healthAndMetrics.healthAndMetrics(), new HttpLimits(Duration.ofSeconds(30), 0, LIMIT));
        var client = new ApiClient(api.port(), ApiServer.TOKEN);
        try {
            List<CompletableFuture<ApiResponse>> running = new ArrayList<>();
            for (int i = 0; i < LIMIT; i++) {
                running.add(CompletableFuture.supplyAsync(() -> new ApiClient(api.port(), ApiServer.TOKEN).get(instance)));
            }
            assertThat(held.tryAcquire(LIMIT, 10, TimeUnit.SECONDS)).as("the first requests are running").isTrue();

            ApiResponse refused = client.get(instance);
            ApiResponse otherCaller = client.withToken(ApiServer.OTHER_TOKEN).get(ApiServer.instancesPath(project) + "?de_type=Notebook");

            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.errorCode()).isEqualTo("ModelArts.6101");
            assertThat(refused.header("Retry-After")).contains("1");
            assertThat(otherCaller.status()).isEqualTo(200);

            release.countDown();
            for (CompletableFuture<ApiResponse> request : running) {
                assertThat(request.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
            }
            for (int i = 0; i < LIMIT * 3; i++) {
                assertThat(client.get(instance).status()).as("request %d after the others ended", i).isEqualTo(200);
                assertThat(client.get(ApiServer.instancePath(project, "DE-00000000-0000-0000-0000-000000000009")).status())
                        .as("a refused request ends too").isEqualTo(400);
            }
        } finally {
            release.countDown();
            api.stop();
        }
    }

    private static Either<DomainError, InstanceSnapshot> hold(InstanceUseCases real, GetInstanceQuery query, Semaphore held,
                                                              CountDownLatch release) {
        held.release();
        try {
            release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        return real.get().get(query);
    }
}
