package io.demanager.bootstrap.idlestop;

import io.demanager.application.port.in.StopIdleInstancesUseCase;
import io.demanager.application.port.in.StopIdleInstancesUseCase.IdleRound;
import io.demanager.bootstrap.worker.Alarm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The idle-stop engine's background thread: every {@link IdleStopEngineSettings#interval()} it looks at the running
 * instances whose idle stop is enabled, warns and stops those that are due. Activity is read from the notebooks, so
 * there is no news to wait for: the engine polls. A look that fails (the database is away) is logged, and the next one
 * tries again. Several servers may run one each: a warning or a stop is written once (see
 * {@link StopIdleInstancesUseCase}).
 */
public final class IdleStopWorker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IdleStopWorker.class);

    /** How long {@link #close()} waits for the look in progress. */
    private static final Duration GRACE = Duration.ofSeconds(30);

    private final StopIdleInstancesUseCase idleStops;
    private final IdleStopEngineSettings settings;
    private final Thread thread;
    private final AtomicBoolean started = new AtomicBoolean();
    private final Alarm alarm = new Alarm();

    public IdleStopWorker(StopIdleInstancesUseCase idleStops, IdleStopEngineSettings settings) {
        this.idleStops = idleStops;
        this.settings = settings;
        this.thread = new Thread(this::run, "idle-stop");
        thread.setDaemon(true);
    }

    public void start() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("the idle-stop worker is already started");
        }
        thread.start();
    }

    /** Stops the looks: the one in progress is finished first, or interrupted after a grace period. */
    @Override
    public void close() {
        alarm.close();
        if (!started.get()) {
            return;
        }
        try {
            thread.join(GRACE.toMillis());
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join(GRACE.toMillis());
            }
        } catch (InterruptedException interrupted) {
            thread.interrupt();
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        while (!alarm.closed()) {
            alarm.roundBegins();
            try {
                IdleRound round = idleStops.checkIdleInstances(settings.pageSize());
                if (round.warned() + round.stopped() > 0) {
                    LOG.debug("Idle stop looked at {} instances: {} warned, {} stopped", round.judged(), round.warned(),
                            round.stopped());
                }
            } catch (RuntimeException failed) {
                LOG.warn("An idle-stop look failed; the next one begins in {}", settings.interval(), failed);
            }
            alarm.pause(settings.interval());
        }
    }
}
