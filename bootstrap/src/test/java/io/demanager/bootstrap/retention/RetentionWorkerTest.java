package io.demanager.bootstrap.retention;

import io.demanager.application.port.in.DeleteExpiredRetentionsUseCase;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static io.demanager.bootstrap.Eventually.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/** The worker drives the engine; here the engine is a stand-in that says how many instances each batch deleted. */
class RetentionWorkerTest {

    private static final int BATCH = 10;
    private static final Duration NEVER_AGAIN = Duration.ofHours(1);

    @Test
    void theFirstSweepRunsAtStartAndGoesOnWhileBatchesComeBackFullThenWaitsForTheInterval() {
        var batches = new CopyOnWriteArrayList<Integer>();
        int[] deletedPerBatch = {BATCH, BATCH, 3};
        DeleteExpiredRetentionsUseCase engine = batchSize -> {
            batches.add(batchSize);
            return batches.size() <= deletedPerBatch.length ? deletedPerBatch[batches.size() - 1] : 0;
        };

        try (var worker = new RetentionWorker(engine, new RetentionEngineSettings(BATCH, NEVER_AGAIN))) {
            worker.start();
            waitUntil("the first sweep has drained the ended retentions", () -> batches.size() == 3);
        }

        assertThat(batches).as("no second sweep within the hour").containsExactly(BATCH, BATCH, BATCH);
    }

    @Test
    void aSweepThatFailsIsFollowedByTheNextOne() {
        var sweeps = new AtomicInteger();
        DeleteExpiredRetentionsUseCase engine = batchSize -> {
            if (sweeps.incrementAndGet() == 1) {
                throw new IllegalStateException("the database is away");
            }
            return 0;
        };

        try (var worker = new RetentionWorker(engine, new RetentionEngineSettings(BATCH, Duration.ofMillis(10)))) {
            worker.start();
            waitUntil("a sweep after the failed one", () -> sweeps.get() >= 2);
        }
    }
}
