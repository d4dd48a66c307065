package io.demanager.bootstrap.metrics;

import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.demanager.adapter.http.RequestMetrics;
import io.demanager.application.port.in.StopIdleInstancesUseCase.IdleRound;
import io.demanager.application.port.out.AutoStopMetrics;
import io.demanager.application.port.out.WebhookOutbox;
import io.demanager.bootstrap.idlestop.IdleStopMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jetty.JettyServerThreadPoolMetrics;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmInfoMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vavr.control.Option;
import org.eclipse.jetty.util.thread.ThreadPool;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * The server's metrics, served at {@code GET /metrics} in the Prometheus text format: HTTP requests by route, method
 * and status (count and latency histogram, and those in flight), the web server's thread pool, the connection pool,
 * the JVM ({@code jvm_info} with its version), the process's file descriptors, the auto-stop engine's stops and
 * their lateness (how long after its lease ended an instance was stopped), the idle-stop engine's stops, warnings and
 * looks (how long each took, and whether it failed), and the webhook deliveries waiting or given up.
 */
public final class ServerMetrics implements RequestMetrics, AutoStopMetrics, IdleStopMetrics, AutoCloseable {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics garbageCollection = new JvmGcMetrics();
    private final LongTaskTimer requestsInFlight;
    private final Counter autoStops;
    private final Timer autoStopLateness;
    private final Counter idleStops;
    private final Counter idleWarnings;

    public ServerMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        garbageCollection.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new JvmInfoMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        requestsInFlight = LongTaskTimer.builder("http.server.requests.active")
                .description("HTTP requests being answered")
                .register(registry);
        autoStops = Counter.builder("demanager.autostop.stops")
                .description("Instances the auto-stop engine stopped because their lease ran out")
                .register(registry);
        autoStopLateness = Timer.builder("demanager.autostop.lateness")
                .description("How long after its lease ended an instance was stopped")
                .publishPercentileHistogram()
                .register(registry);
        idleStops = Counter.builder("demanager.idlestop.stops")
                .description("Instances the idle-stop engine stopped because nobody used them")
                .register(registry);
        idleWarnings = Counter.builder("demanager.idlestop.warnings")
                .description("Warnings the idle-stop engine gave of an idle stop to come")
                .register(registry);
    }

    @Override
    public InFlight begin() {
        LongTaskTimer.Sample active = requestsInFlight.start();
        Timer.Sample timing = Timer.start(registry);
        return (method, route, status) -> {
            timing.stop(Timer.builder("http.server.requests")
                    .description("HTTP requests answered")
                    .tags("method", method, "route", route, "status", String.valueOf(status))
                    .publishPercentileHistogram()
                    .register(registry));
            active.stop();
        };
    }

    @Override
    public void autoStopped(Duration lateness) {
        autoStops.increment();
        autoStopLateness.record(lateness);
    }

    @Override
    public void looked(Option<IdleRound> done, Duration took) {
        done.forEach(round -> {
            idleStops.increment(round.stopped());
            idleWarnings.increment(round.warned());
        });
        Timer.builder("demanager.idlestop.looks")
                .description("The idle-stop engine's looks at the running instances, and how long each took")
                .tag("outcome", done.isDefined() ? "done" : "failed")
                .register(registry)
                .record(took);
    }

    /** The web server's threads: busy, idle, the most there may be, and the jobs waiting for one. */
    public void publishThreadPool(ThreadPool threads) {
        new JettyServerThreadPoolMetrics(threads, Tags.empty()).bindTo(registry);
    }

    /** The webhook outbox's deliveries that wait and those given up, as {@code backlog} last read them. */
    public void publishWebhooks(Supplier<WebhookOutbox.Backlog> backlog) {
        Gauge.builder("demanager.webhook.deliveries.waiting", () -> backlog.get().waiting())
                .description("Webhook deliveries not yet accepted by their endpoint, retries included")
                .register(registry);
        Gauge.builder("demanager.webhook.deliveries.given.up", () -> backlog.get().givenUp())
                .description("Webhook deliveries given up after the last attempt allowed (kept in the outbox)")
                .register(registry);
    }

    /** For the connection pool to publish its figures here. */
    public MetricsTrackerFactory connectionPool() {
        return new MicrometerMetricsTrackerFactory(registry);
    }

    /** Every metric now, in the Prometheus text format. */
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        garbageCollection.close();
        registry.close();
    }
}
