package io.demanager.bootstrap.metrics;

import io.demanager.adapter.http.RequestMetrics;
import io.demanager.application.port.in.StopIdleInstancesUseCase.IdleRound;
import io.vavr.control.Option;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** What the operator reads at {@code /metrics}, in the Prometheus text format. */
class ServerMetricsTest {

    private final ServerMetrics metrics = new ServerMetrics();

    @AfterEach
    void close() {
        metrics.close();
    }

    @Test
    void requestsAreCountedAndTimedByMethodRouteAndStatus() {
        metrics.begin().answered("GET", "/v1/{project_id}/demanager/instances", 200);
        metrics.begin().answered("GET", "/v1/{project_id}/demanager/instances", 200);
        metrics.begin().answered("PUT", "/v1/{project_id}/demanager/instances/{instance_id}", 400);

        String scrape = metrics.scrape();

        assertThat(scrape)
                .contains("http_server_requests_seconds_count{method=\"GET\",route=\"/v1/{project_id}/demanager/instances\",status=\"200\"} 2")
                .contains("http_server_requests_seconds_count{method=\"PUT\",route=\"/v1/{project_id}/demanager/instances/{instance_id}\",status=\"400\"} 1")
                .contains("http_server_requests_seconds_bucket{method=\"GET\",route=\"/v1/{project_id}/demanager/instances\",status=\"200\",le=");
    }

    @Test
    void requestsInFlightAreCountedUntilAnswered() {
        RequestMetrics.InFlight first = metrics.begin();
        metrics.begin();

        assertThat(metrics.scrape()).contains("http_server_requests_active_seconds_count 2");
        first.answered("GET", "/health/live", 200);
        assertThat(metrics.scrape()).contains("http_server_requests_active_seconds_count 1");
    }

    @Test
    void autoStopsAreCountedWithTheirLateness() {
        metrics.autoStopped(Duration.ofSeconds(2));
        metrics.autoStopped(Duration.ofSeconds(4));

        assertThat(metrics.scrape())
                .contains("demanager_autostop_stops_total 2.0")
                .contains("demanager_autostop_lateness_seconds_count 2")
                .contains("demanager_autostop_lateness_seconds_sum 6.0");
    }

    @Test
    void idleStopLooksAreTimedByOutcomeAndTheirStopsAndWarningsCounted() {
        metrics.looked(Option.some(new IdleRound(5, 2, 1)), Duration.ofSeconds(3));
        metrics.looked(Option.some(new IdleRound(4, 0, 2)), Duration.ofSeconds(1));
        metrics.looked(Option.none(), Duration.ofSeconds(2));

        assertThat(metrics.scrape())
                .contains("demanager_idlestop_stops_total 3.0")
                .contains("demanager_idlestop_warnings_total 2.0")
                .contains("demanager_idlestop_looks_seconds_count{outcome=\"done\"} 2")
                .contains("demanager_idlestop_looks_seconds_sum{outcome=\"done\"} 4.0")
                .contains("demanager_idlestop_looks_seconds_count{outcome=\"failed\"} 1");
    }

    @Test
    void theJvmIsMeasured() {
        assertThat(metrics.scrape()).contains("jvm_memory_used_bytes", "jvm_threads_live_threads", "process_uptime_seconds",
                "jvm_info{", "vendor=\"", "process_files_open_files", "process_files_max_files");
    }
}
