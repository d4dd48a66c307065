package io.demanager.adapter.http;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** Operations a test controls and watches: readiness it sets, metrics text it knows, and every request reported. */
final class TestOperations {

    static final String METRICS_TEXT = "# TYPE test_metric counter\ntest_metric_total 1.0\n";

    /** A request as the API reported it to its metrics. */
    record Reported(String method, String route, int status) {
    }

    final AtomicBoolean ready = new AtomicBoolean(true);
    final AtomicInteger inFlight = new AtomicInteger();
    final List<Reported> reported = new CopyOnWriteArrayList<>();

    Operations operations() {
        return new Operations(ready::get, () -> METRICS_TEXT, () -> {
            inFlight.incrementAndGet();
            return (method, route, status) -> {
                inFlight.decrementAndGet();
                reported.add(new Reported(method, route, status));
            };
        });
    }
}
