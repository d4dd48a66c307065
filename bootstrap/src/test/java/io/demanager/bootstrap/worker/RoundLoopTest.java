package io.demanager.bootstrap.worker;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static io.demanager.bootstrap.Eventually.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RoundLoopTest {

    private static final Duration AN_HOUR = Duration.ofHours(1);

    @Test
    void theFirstRoundRunsAtStartAndNewsEndsThePauseTheRoundAskedFor() {
        var rounds = new AtomicInteger();
        try (var loop = new RoundLoop("test-rounds", () -> {
            rounds.incrementAndGet();
            return AN_HOUR;
        })) {
            loop.start();
            waitUntil("the first round ran", () -> rounds.get() == 1);

            loop.wake();

            waitUntil("news began the next round within the hour's pause", () -> rounds.get() == 2);
        }
    }

    @Test
    void closingLetsTheRoundInProgressFinishAndStartsNoOther() throws InterruptedException {
        var inRound = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var finished = new AtomicBoolean();
        var rounds = new AtomicInteger();
        var loop = new RoundLoop("test-rounds", () -> {
            rounds.incrementAndGet();
            inRound.countDown();
            try {
                release.await(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            finished.set(true);
            return Duration.ZERO;
        });
        loop.start();
        assertThat(inRound.await(1, TimeUnit.MINUTES)).isTrue();

        Thread closer = new Thread(loop::close);
        closer.start();
        waitUntil("close() waits for the round", () -> closer.getState() == Thread.State.TIMED_WAITING);
        assertThat(loop.closing()).isTrue();
        release.countDown();
        closer.join(TimeUnit.MINUTES.toMillis(1));

        assertThat(finished).isTrue();
        assertThat(rounds).as("a round asking for no pause, but the loop was closing").hasValue(1);
    }

    @Test
    void startsOnce() {
        try (var loop = new RoundLoop("test-rounds", () -> AN_HOUR)) {
            loop.start();

            assertThatThrownBy(loop::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("test-rounds");
        }
    }
}
