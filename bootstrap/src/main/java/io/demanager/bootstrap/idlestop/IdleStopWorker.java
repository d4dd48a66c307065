package io.demanager.bootstrap.idlestop;

import io.demanager.application.port.in.StopIdleInstancesUseCase;
import io.demanager.application.port.in.StopIdleInstancesUseCase.IdleRound;
import io.demanager.bootstrap.worker.RoundLoop;
import io.vavr.control.Option;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;

/**
 * The idle-stop engine's background thread: every {@link IdleStopEngineSettings#interval()} it looks at the running
 * instances whose idle stop is enabled, warns and stops those that are due. Activity is read from the notebooks, so
 * there is no news to wait for: the engine polls. A look that fails (the database is away) is logged, and the next one
 * tries again. Several servers may run one each: a warning or a stop is written once (see
 * {@link StopIdleInstancesUseCase}). Each look, what it did and how long it took, is told to the metrics: a look reads
 * the notebooks one after another, so its length shows notebooks slow to answer.
 */
public final class IdleStopWorker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IdleStopWorker.class);

    private final StopIdleInstancesUseCase idleStops;
    private final IdleStopEngineSettings settings;
    private final IdleStopMetrics metrics;
    private final RoundLoop loop = new RoundLoop("idle-stop", this::look);

    public IdleStopWorker(StopIdleInstancesUseCase idleStops, IdleStopEngineSettings settings, IdleStopMetrics metrics) {
        this.idleStops = idleStops;
        this.settings = settings;
        this.metrics = metrics;
    }

    public void start() {
        loop.start();
    }

    /** Stops the looks: the one in progress is finished first, or interrupted after a grace period. */
    @Override
    public void close() {
        loop.close();
    }

    private Duration look() {
        Instant began = Instant.now();
        Option<IdleRound> done = Option.none();
        try {
            IdleRound round = idleStops.checkIdleInstances(settings.pageSize());
            done = Option.some(round);
            if (round.warned() + round.stopped() > 0) {
                LOG.debug("Idle stop looked at {} instances: {} warned, {} stopped", round.judged(), round.warned(),
                        round.stopped());
            }
        } catch (RuntimeException failed) {
            LOG.warn("An idle-stop look failed; the next one begins in {}", settings.interval(), failed);
        }
        metrics.looked(done, Duration.between(began, Instant.now()));
        return settings.interval();
    }
}
