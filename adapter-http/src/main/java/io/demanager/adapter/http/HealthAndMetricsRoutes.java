package io.demanager.adapter.http;

import io.javalin.http.Context;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Health and metrics for the operator: no token, and outside the API's error format. */
final class HealthAndMetricsRoutes {

    static final String LIVE = "/health/live";
    static final String READY = "/health/ready";
    static final String METRICS = "/metrics";

    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final HealthAndMetrics healthAndMetrics;

    HealthAndMetricsRoutes(HealthAndMetrics healthAndMetrics) {
        this.healthAndMetrics = healthAndMetrics;
    }

    static boolean serves(String route) {
        return route.equals(LIVE) || route.equals(READY) || route.equals(METRICS);
    }

    /** The process answers: nothing more is checked, so that a slow database never gets the process restarted. */
    void live(Context ctx) {
        ctx.json(Map.of("status", "UP"));
    }

    /** {@code {"status", "version", "components": {name: {"status", details...}}}}: UP only when every component is. */
    void ready(Context ctx) {
        List<HealthComponent> components = healthAndMetrics.readiness().components();
        boolean ready = components.stream().allMatch(HealthComponent::up);
        Map<String, Object> byName = new LinkedHashMap<>();
        for (HealthComponent component : components) {
            Map<String, Object> shown = new LinkedHashMap<>();
            shown.put("status", status(component.up()));
            shown.putAll(new TreeMap<>(component.details()));
            byName.put(component.name(), shown);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status(ready));
        body.put("version", healthAndMetrics.version());
        body.put("components", byName);
        ctx.status(ready ? 200 : 503).json(body);
    }

    void metrics(Context ctx) {
        ctx.contentType(PROMETHEUS_TEXT).result(healthAndMetrics.metrics().get());
    }

    private static String status(boolean up) {
        return up ? "UP" : "DOWN";
    }
}
