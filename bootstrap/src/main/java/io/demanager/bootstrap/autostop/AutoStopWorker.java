package io.demanager.bootstrap.autostop;

import io.demanager.application.port.in.StopExpiredLeasesUseCase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The auto-stop engine's background thread. Each round stops due leases batch by batch until a batch comes back
 * less than full; rounds are {@link AutoStopEngineSettings#interval()} apart. The first round runs as soon as the
 * worker starts, so leases that ran out while no engine ran are stopped at once. A round that fails (the database
 * is away) is logged, and the next round tries again.
 * <p>
 * Any number of workers, in one process or in several sharing a database, may run at once: the store gives each
 * due instance to one of them.
 * <p>
 * The worker remembers how its last round ended ({@link #lastRound()}), for the server's readiness.
 */
public final class AutoStopWorker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AutoStopWorker.class);

    /** How long {@link #close()} waits for the batch in progress before it interrupts it. */
    private static final Duration GRACE = Duration.ofSeconds(30);

    /** A round that ended: when, and whether it failed. */
    public record Round(Instant endedAt, boolean failed) {
    }

    private final StopExpiredLeasesUseCase engine;
    private final AutoStopEngineSettings settings;
    private final ScheduledExecutorService thread;
    private final AtomicBoolean started = new AtomicBoolean();
    private final Clock clock = Clock.systemUTC();
    private volatile boolean closing;
    private volatile Round lastRound;

    public AutoStopWorker(StopExpiredLeasesUseCase engine, AutoStopEngineSettings settings) {
        this.engine = engine;
        this.settings = settings;
        this.thread = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread worker = new Thread(task, "auto-stop");
            worker.setDaemon(true);
            return worker;
        });
    }

    /** Runs a first round now, then one round per interval, until {@link #close()}. */
    public void start() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("the auto-stop worker is already started");
        }
        thread.scheduleWithFixedDelay(this::round, 0, settings.interval().toNanos(), TimeUnit.NANOSECONDS);
    }

    /** How the last round ended; empty before the first one ends. */
    public Optional<Round> lastRound() {
        return Optional.ofNullable(lastRound);
    }

    public Duration interval() {
        return settings.interval();
    }

    /**
     * Stops the rounds. A batch in progress is finished and committed first, so no claim is left behind; one that
     * cannot finish within the grace period is interrupted, and its transaction rolls back.
     */
    @Override
    public void close() {
        closing = true;
        thread.shutdown();
        try {
            if (!thread.awaitTermination(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private void round() {
        boolean failed = false;
        try {
            int stopped;
            do {
                stopped = engine.stopExpiredLeases(settings.batchSize());
            } while (stopped == settings.batchSize() && !closing);
        } catch (RuntimeException e) {
            failed = true;
            LOG.warn("An auto-stop round failed; the next one begins in {}", settings.interval(), e);
        }
        lastRound = new Round(clock.instant(), failed);
    }
}
