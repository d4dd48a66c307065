package io.demanager.adapter.http;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * The operator's side of the server, served beside the API and without a token: {@code GET /health/live},
 * {@code GET /health/ready} (200 when {@code readiness} says so, 503 otherwise) and {@code GET /metrics}
 * ({@code metrics} in the Prometheus text format); {@code requests} hears of every request.
 */
public record Operations(Readiness readiness, Supplier<String> metrics, RequestMetrics requests) {

    public Operations {
        Objects.requireNonNull(readiness, "readiness");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(requests, "requests");
    }
}
