package io.demanager.bootstrap.autostop;

import io.demanager.application.port.in.StopExpiredLeasesUseCase;
import io.demanager.application.port.in.WarnEndingLeasesUseCase;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntUnaryOperator;
import java.util.function.Supplier;

import static io.demanager.bootstrap.Eventually.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The worker drives the engine; here the engine is a stand-in that says how many leases each batch stopped. */
class AutoStopWorkerTest {

    private static final int BATCH = 10;
    private static final Duration NEVER_AGAIN = Duration.ofHours(1);
    private static final Duration WARNING = Duration.ofMinutes(10);
    private static final WarnEndingLeasesUseCase NO_WARNINGS = warning(batchSize -> 0, Option::none);

    @Test
    void theFirstRoundRunsAtStartAndGoesOnWhileBatchesComeBackFull() {
        var batches = new CopyOnWriteArrayList<Integer>();
        int[] stoppedPerBatch = {BATCH, BATCH, 3};
        StopExpiredLeasesUseCase engine = stopping(batchSize -> {
            batches.add(batchSize);
            return batches.size() <= stoppedPerBatch.length ? stoppedPerBatch[batches.size() - 1] : 0;
        });

        try (var worker = new AutoStopWorker(engine, NO_WARNINGS, new AutoStopEngineSettings(BATCH, NEVER_AGAIN, WARNING))) {
            worker.start();
            waitUntil("the catch-up round has drained the due leases", () -> batches.size() == 3);
        }

        assertThat(batches).containsExactly(BATCH, BATCH, BATCH);
    }

    @Test
    void whileMoreThanABatchIsDueEveryClaimerClaimsAtOnceUntilNothingIsLeft() {
        var due = new AtomicInteger(10 * BATCH + 3);
        var calls = new AtomicInteger();
        var claiming = new AtomicInteger();
        var mostAtOnce = new AtomicInteger();
        var bothClaiming = new CountDownLatch(2);
        StopExpiredLeasesUseCase engine = stopping(batchSize -> {
            mostAtOnce.accumulateAndGet(claiming.incrementAndGet(), Math::max);
            try {
                if (calls.incrementAndGet() > 1) {
                    bothClaiming.countDown();
                    bothClaiming.await(10, TimeUnit.SECONDS);
                }
                return Math.min(batchSize, due.getAndUpdate(left -> Math.max(0, left - batchSize)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 0;
            } finally {
                claiming.decrementAndGet();
            }
        });

        try (var worker = new AutoStopWorker(engine, NO_WARNINGS, new AutoStopEngineSettings(BATCH, NEVER_AGAIN, WARNING, 2))) {
            worker.start();
            waitUntil("every due lease is claimed", () -> due.get() == 0 && claiming.get() == 0);
        }

        assertThat(mostAtOnce.get()).as("claimers at work at the same time").isEqualTo(2);
    }

    @Test
    void aRoundThatFailsIsFollowedByTheNextOne() {
        var rounds = new AtomicInteger();
        StopExpiredLeasesUseCase engine = stopping(batchSize -> {
            if (rounds.incrementAndGet() == 1) {
                throw new IllegalStateException("the database is away");
            }
            return 0;
        });

        try (var worker = new AutoStopWorker(engine, NO_WARNINGS, new AutoStopEngineSettings(BATCH, Duration.ofMillis(10), WARNING))) {
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
        StopExpiredLeasesUseCase engine = stopping(batchSize -> {
            batches.incrementAndGet();
            inBatch.countDown();
            awaitQuietly(release);
            batchFinished.set(true);
            return batchSize;
        });
        var worker = new AutoStopWorker(engine, NO_WARNINGS, new AutoStopEngineSettings(BATCH, Duration.ofMillis(10), WARNING));
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
        StopExpiredLeasesUseCase engine = stopping(batchSize -> {
            if (fail.get()) {
                throw new IllegalStateException("the database is away");
            }
            return 0;
        });

        try (var worker = new AutoStopWorker(engine, NO_WARNINGS, new AutoStopEngineSettings(BATCH, Duration.ofMillis(10), WARNING))) {
            assertThat(worker.lastRound()).isEmpty();
            Instant started = Instant.now();
            worker.start();
            waitUntil("a failed round", () -> worker.lastRound().filter(AutoStopWorker.Round::failed).isPresent());
            assertThat(worker.lastRound().get().lastSucceededAt()).isEmpty();
            fail.set(false);
            waitUntil("a round that succeeds", () -> worker.lastRound().filter(round -> !round.failed()).isPresent());

            AutoStopWorker.Round succeeded = worker.lastRound().get();
            assertThat(succeeded.endedAt()).isAfterOrEqualTo(started).isBeforeOrEqualTo(Instant.now());
            assertThat(succeeded.lastSucceededAt()).contains(succeeded.endedAt());

            fail.set(true);
            waitUntil("a failed round after it", () -> worker.lastRound().filter(AutoStopWorker.Round::failed).isPresent());
            AutoStopWorker.Round failedAfter = worker.lastRound().get();
            assertThat(failedAfter.lastSucceededAt()).isPresent();
            assertThat(failedAfter.lastSucceededAt().get()).isBefore(failedAfter.endedAt()).isAfterOrEqualTo(succeeded.endedAt());
        }
    }

    @Test
    void aWorkerStartsOnce() {
        try (var worker = new AutoStopWorker(stopping(batchSize -> 0), NO_WARNINGS, new AutoStopEngineSettings(BATCH, NEVER_AGAIN, WARNING))) {
            worker.start();

            assertThatThrownBy(worker::start).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void theWorkerSleepsUntilTheNextLeaseEndsAsTheStoreTellsNotUntilItsInterval() {
        var rounds = new AtomicInteger();
        var nextLeaseEnd = new AtomicReference<Option<Duration>>(Option.some(Duration.ofMillis(20)));
        StopExpiredLeasesUseCase engine = stopping(batchSize -> {
            rounds.incrementAndGet();
            return 0;
        }, () -> nextLeaseEnd.getAndSet(Option.none()));

        try (var worker = new AutoStopWorker(engine, NO_WARNINGS, new AutoStopEngineSettings(BATCH, NEVER_AGAIN, WARNING))) {
            worker.start();
            waitUntil("a round when the lease ends, long before the interval", () -> rounds.get() == 2);
        }
    }

    @Test
    void newsOfALeaseEndsTheSleepAtOnce() {
        var rounds = new AtomicInteger();
        StopExpiredLeasesUseCase engine = stopping(batchSize -> {
            rounds.incrementAndGet();
            return 0;
        });

        try (var worker = new AutoStopWorker(engine, NO_WARNINGS, new AutoStopEngineSettings(BATCH, NEVER_AGAIN, WARNING))) {
            worker.start();
            waitUntil("the first round", () -> rounds.get() == 1);
            worker.wake();
            waitUntil("a round after the news, long before the interval", () -> rounds.get() == 2);
        }
    }

    @Test
    void dueWarningsAreGivenBatchByBatchAndTheirTimeIsSleptUntil() {
        var warningBatches = new CopyOnWriteArrayList<Integer>();
        var nextWarning = new AtomicReference<Option<Duration>>(Option.some(Duration.ofMillis(20)));
        WarnEndingLeasesUseCase warnings = warning(batchSize -> {
            warningBatches.add(batchSize);
            return warningBatches.size() == 1 ? BATCH : 1;
        }, () -> nextWarning.getAndSet(Option.none()));

        try (var worker = new AutoStopWorker(stopping(batchSize -> 0), warnings,
                new AutoStopEngineSettings(BATCH, NEVER_AGAIN, WARNING))) {
            worker.start();
            waitUntil("a second round when the next warning is due", () -> warningBatches.size() == 3);
        }

        assertThat(warningBatches).containsExactly(BATCH, BATCH, BATCH);
    }

    @Test
    void settingsOutOfRangeAreRefused() {
        assertThatThrownBy(() -> new AutoStopEngineSettings(0, NEVER_AGAIN, WARNING)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AutoStopEngineSettings(BATCH, Duration.ZERO, WARNING)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AutoStopEngineSettings(BATCH, NEVER_AGAIN, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static StopExpiredLeasesUseCase stopping(IntUnaryOperator batch) {
        return stopping(batch, Option::none);
    }

    private static StopExpiredLeasesUseCase stopping(IntUnaryOperator batch, Supplier<Option<Duration>> untilNext) {
        return new StopExpiredLeasesUseCase() {
            @Override
            public int stopExpiredLeases(int batchSize) {
                return batch.applyAsInt(batchSize);
            }

            @Override
            public Option<Duration> untilNextLeaseEnd() {
                return untilNext.get();
            }
        };
    }

    private static WarnEndingLeasesUseCase warning(IntUnaryOperator batch, Supplier<Option<Duration>> untilNext) {
        return new WarnEndingLeasesUseCase() {
            @Override
            public int warnEndingLeases(int batchSize) {
                return batch.applyAsInt(batchSize);
            }

            @Override
            public Option<Duration> untilNextWarning() {
                return untilNext.get();
            }
        };
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
