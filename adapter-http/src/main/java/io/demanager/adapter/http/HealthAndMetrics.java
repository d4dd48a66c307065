package io.demanager.adapter.http;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * The server's health and metrics, served beside the API and without a token: {@code GET /health/live},
 * {@code GET /health/ready} ({@code readiness}'s components with a status each, and the server's {@code version};
 * 200 when every component is up, 503 otherwise) and {@code GET /metrics} ({@code metrics} in the Prometheus text
 * format); {@code requests} hears of every request.
 */
public record HealthAndMetrics(String version, Readiness readiness, Supplier<String> metrics, RequestMetrics requests) {

    public HealthAndMetrics {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(readiness, "readiness");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(requests, "requests");
    }
}
