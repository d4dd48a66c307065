package io.demanager.adapter.http;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Health and metrics a test controls and watches: a database component whose state it sets, a runtime that is
 * always up, metrics text it knows, and every request reported.
 */
final class TestHealthAndMetrics {

    static final String VERSION = "1.2.3-test";
    static final String METRICS_TEXT = "# TYPE test_metric counter\ntest_metric_total 1.0\n";

    /** A request as the API reported it to its metrics. */
    record Reported(String method, String route, int status) {
    }

    final AtomicBoolean ready = new AtomicBoolean(true);
    final AtomicInteger inFlight = new AtomicInteger();
    final List<Reported> reported = new CopyOnWriteArrayList<>();

    HealthAndMetrics healthAndMetrics() {
        return new HealthAndMetrics(VERSION,
                () -> List.of(new HealthComponent("database", ready.get(), Map.of("schema_version", "4")),
                        new HealthComponent("runtime", true, Map.of())),
                () -> METRICS_TEXT,
                () -> {
                    inFlight.incrementAndGet();
                    return (method, route, status) -> {
                        inFlight.decrementAndGet();
                        reported.add(new Reported(method, route, status));
                    };
                });
    }
}
