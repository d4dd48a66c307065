package io.demanager.bootstrap.autostop;

import io.demanager.application.port.in.StopExpiredLeasesUseCase;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static io.demanager.bootstrap.Eventually.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The worker drives the engine; here the engine is a stand-in that says how many leases each batch stopped. */
class AutoStopWorkerTest {

    private static final int BATCH = 10;
    private static final Duration NEVER_AGAIN = Duration.ofHours(1);

    @Test
    void theFirstRoundRunsAtStartAndGoesOnWhileBatchesComeBackFull() {
        var batches = new CopyOnWriteArrayList<Integer>();
        int[] stoppedPerBatch = {BATCH, BATCH, 3};
        StopExpiredLeasesUseCase engine = batchSize -> {
            batches.add(batchSize);
            return batches.size() <= stoppedPerBatch.length ? stoppedPerBatch[batches.size() - 1] : 0;
        };

        try (var worker = new AutoStopWorker(engine, new AutoStopEngineSettings(BATCH, NEVER_AGAIN))) {
            worker.start();
            waitUntil("the catch-up round has drained the due leases", () -> batches.size() == 3);
        }

        assertThat(batches).containsExactly(BATCH, BATCH, BATCH);
    }

    @Test
    void aRoundThatFailsIsFollowedByTheNextOne() {
        var rounds = new AtomicInteger();
        StopExpiredLeasesUseCase engine = batchSize -> {
            if (rounds.incrementAndGet() == 1) {
                throw new IllegalStateException("the database is away");
            }
            return 0;
        };

        try (var worker = new AutoStopWorker(engine, new AutoStopEngineSettings(BATCH, Duration.ofMillis(10)))) {
            worker.start();
            waitUntil("a round after the failed one", () -> rounds.get() >= 2);
        }
    }

    @Test
    void closingWaitsForTheBatchInProgressAndStartsNoOther() throws InterruptedException {
        var inBatch = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var batchFinished = new AtomicBoolean();
        var batches = new AtomicInteger();
        StopExpiredLeasesUseCase engine = batchSize -> {
            batches.incrementAndGet();
            inBatch.countDown();
            awaitQuietly(release);
            batchFinished.set(true);
            return batchSize;
        };
        var worker = new AutoStopWorker(engine, new AutoStopEngineSettings(BATCH, Duration.ofMillis(10)));
        worker.start();
        assertThat(inBatch.await(1, TimeUnit.MINUTES)).isTrue();

        Thread closer = new Thread(worker::close);
        closer.start();
        waitUntil("close() waits", () -> closer.getState() == Thread.State.TIMED_WAITING);
        release.countDown();
        closer.join(TimeUnit.MINUTES.toMillis(1));

        assertThat(batchFinished).isTrue();
        assertThat(batches).as("a full batch, but the worker was closing").hasValue(1);
    }

    @Test
    void theLastRoundSaysWhenItEndedAndWhetherItFailed() {
        var fail = new AtomicBoolean(true);
        StopExpiredLeasesUseCase engine = batchSize -> {
            if (fail.get()) {
                throw new IllegalStateException("the database is away");
            }
            return 0;
        };

        try (var worker = new AutoStopWorker(engine, new AutoStopEngineSettings(BATCH, Duration.ofMillis(10)))) {
            assertThat(worker.lastRound()).isEmpty();
            Instant started = Instant.now();
            worker.start();
            waitUntil("a failed round", () -> worker.lastRound().filter(AutoStopWorker.Round::failed).isPresent());
            fail.set(false);
            waitUntil("a round that succeeds", () -> worker.lastRound().filter(round -> !round.failed()).isPresent());

            assertThat(worker.lastRound().get().endedAt()).isAfterOrEqualTo(started).isBeforeOrEqualTo(Instant.now());
        }
    }

    @Test
    void aWorkerStartsOnce() {
        try (var worker = new AutoStopWorker(batchSize -> 0, new AutoStopEngineSettings(BATCH, NEVER_AGAIN))) {
            worker.start();

            assertThatThrownBy(worker::start).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void settingsOutOfRangeAreRefused() {
        assertThatThrownBy(() -> new AutoStopEngineSettings(0, NEVER_AGAIN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AutoStopEngineSettings(BATCH, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
