package io.demanager.adapter.http;

import io.javalin.http.Context;

import java.util.Map;

/** Health and metrics for the operator: no token, and outside the API's error format. */
final class OperationsRoutes {

    static final String LIVE = "/health/live";
    static final String READY = "/health/ready";
    static final String METRICS = "/metrics";

    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final Operations operations;

    OperationsRoutes(Operations operations) {
        this.operations = operations;
    }

    static boolean serves(String route) {
        return route.equals(LIVE) || route.equals(READY) || route.equals(METRICS);
    }

    /** The process answers: nothing more is checked, so that a slow database never gets the process restarted. */
    void live(Context ctx) {
        ctx.json(Map.of("status", "UP"));
    }

    void ready(Context ctx) {
        boolean ready = operations.readiness().isReady();
        ctx.status(ready ? 200 : 503).json(Map.of("status", ready ? "UP" : "DOWN"));
    }

    void metrics(Context ctx) {
        ctx.contentType(PROMETHEUS_TEXT).result(operations.metrics().get());
    }
}
