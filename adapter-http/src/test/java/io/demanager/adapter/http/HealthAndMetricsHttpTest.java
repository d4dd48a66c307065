package io.demanager.adapter.http;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.UUID;

import static io.demanager.adapter.http.ApiServer.instancePath;
import static io.demanager.adapter.http.ApiServer.instancesPath;
import static org.assertj.core.api.Assertions.assertThat;

/** What the operator sees: health, metrics, and every request counted by its route and status. */
class HealthAndMetricsHttpTest {

    @RegisterExtension
    static final ApiServer server = ApiServer.start();

    @AfterEach
    void ready_again() {
        server.healthAndMetrics.ready.set(true);
    }

    @Test
    void liveness_answers_up_even_when_the_server_is_not_ready() {
        server.healthAndMetrics.ready.set(false);

        ApiResponse live = server.client.get("/health/live");

        assertThat(live.status()).isEqualTo(200);
        assertThat(live.json().path("status").asText()).isEqualTo("UP");
    }

    @Test
    void readiness_lists_each_component_with_its_status_and_the_version() {
        ApiResponse ready = server.client.get("/health/ready");
        server.healthAndMetrics.ready.set(false);
        ApiResponse notReady = server.client.get("/health/ready");

        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.json().path("status").asText()).isEqualTo("UP");
        assertThat(ready.json().path("version").asText()).isEqualTo(TestHealthAndMetrics.VERSION);
        assertThat(ready.json().path("components").path("database").path("status").asText()).isEqualTo("UP");
        assertThat(ready.json().path("components").path("database").path("schema_version").asText()).isEqualTo("4");
        assertThat(ready.json().path("components").path("runtime").path("status").asText()).isEqualTo("UP");
        assertThat(notReady.status()).isEqualTo(503);
        assertThat(notReady.json().path("status").asText()).isEqualTo("DOWN");
        assertThat(notReady.json().path("components").path("database").path("status").asText()).isEqualTo("DOWN");
        assertThat(notReady.json().path("components").path("runtime").path("status").asText()).isEqualTo("UP");
    }

    @Test
    void metrics_are_served_in_the_prometheus_text_format() {
        ApiResponse metrics = server.client.get("/metrics");

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.header("Content-Type")).contains("text/plain; version=0.0.4; charset=utf-8");
        assertThat(metrics.body()).isEqualTo(TestHealthAndMetrics.METRICS_TEXT);
    }

    @Test
    void each_request_is_reported_once_with_its_route_template_and_status() {
        String project = ApiServer.newProject();
        String id = server.create(project, Bodies.create("counted"));
        server.healthAndMetrics.reported.clear();

        server.client.get(instancePath(project, id));
        server.client.get(instancePath(project, "DE-" + UUID.randomUUID()));
        server.client.get("/v1/" + project + "/elsewhere");
        server.client.withoutToken().get(instancesPath(project) + "?de_type=Notebook");

        assertThat(server.healthAndMetrics.reported).containsExactly(
                new TestHealthAndMetrics.Reported("GET", InstanceRoutes.INSTANCE, 200),
                new TestHealthAndMetrics.Reported("GET", InstanceRoutes.INSTANCE, 400),
                new TestHealthAndMetrics.Reported("GET", RequestLog.UNMATCHED_ROUTE, 404),
                new TestHealthAndMetrics.Reported("GET", InstanceRoutes.INSTANCES, 401));
        assertThat(server.healthAndMetrics.inFlight).hasValue(0);
    }

    @Test
    void a_request_id_the_caller_sent_is_echoed() {
        ApiResponse response = server.client.get("/health/live", "X-Request-Id", "trace-42.a:b_c");

        assertThat(response.header("X-Request-Id")).contains("trace-42.a:b_c");
    }

    @Test
    void a_request_without_a_usable_id_gets_a_new_one_each_time() {
        ApiResponse first = server.client.get("/health/live");
        ApiResponse second = server.client.get("/health/live");
        ApiResponse unusable = server.client.get("/health/live", "X-Request-Id", "not a plain {token}");

        assertThat(first.header("X-Request-Id")).hasValueSatisfying(id -> assertThat(id).isNotBlank());
        assertThat(second.header("X-Request-Id")).isNotEqualTo(first.header("X-Request-Id"));
        assertThat(unusable.header("X-Request-Id")).hasValueSatisfying(id -> assertThat(id).doesNotContain("{}"));
    }
}
