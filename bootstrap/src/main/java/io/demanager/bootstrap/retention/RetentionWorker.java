package io.demanager.bootstrap.retention;

import io.demanager.application.port.in.DeleteExpiredRetentionsUseCase;
import io.demanager.bootstrap.worker.RoundLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * The retention engine's background thread: a sweep deletes the instances whose retention has ended, batch by batch
 * until a batch comes back less than full, then the thread sleeps for {@link RetentionEngineSettings#interval()}. The
 * first sweep runs as soon as the worker starts, so retentions that ended while no engine ran are enforced at once. A
 * sweep that fails (the database is away) is logged, and the next one tries again.
 * <p>
 * Any number of workers, in one process or in several sharing a database, may run at once: the store gives each
 * instance to one of them.
 */
public final class RetentionWorker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionWorker.class);

    private final DeleteExpiredRetentionsUseCase deletes;
    private final RetentionEngineSettings settings;
    private final RoundLoop loop = new RoundLoop("retention", this::sweep);

    public RetentionWorker(DeleteExpiredRetentionsUseCase deletes, RetentionEngineSettings settings) {
        this.deletes = deletes;
        this.settings = settings;
    }

    /** Runs a first sweep now, then one every interval, until {@link #close()}. */
    public void start() {
        loop.start();
    }

    /** Stops the sweeps after the batch in progress, which is committed first, so that no claim is left behind. */
    @Override
    public void close() {
        loop.close();
    }

    private Duration sweep() {
        try {
            int deleted;
            do {
                deleted = deletes.deleteExpiredRetentions(settings.batchSize());
            } while (deleted == settings.batchSize() && !loop.closing());
        } catch (RuntimeException failed) {
            LOG.warn("A retention sweep failed; the next one begins within {}", settings.interval(), failed);
        }
        return settings.interval();
    }
}
