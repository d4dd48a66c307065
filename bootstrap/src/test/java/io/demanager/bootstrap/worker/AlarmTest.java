package io.demanager.bootstrap.worker;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class AlarmTest {

    private static final Duration LONG = Duration.ofMinutes(5);

    private final Alarm alarm = new Alarm();

    @Test
    void newsThatCameDuringTheRoundEndsThePauseAfterItAtOnce() {
        alarm.roundBegins();
        alarm.ring();

        assertThat(pauseEnds(LONG)).isTrue();
    }

    @Test
    void newsHeardBeforeARoundBeganIsForgottenByIt() {
        alarm.ring();
        alarm.roundBegins();

        assertThat(pauseEnds(Duration.ofMillis(200))).as("the pause runs to its end").isTrue();
        assertThat(pauseEndsWithin(LONG, Duration.ofMillis(300))).as("a long pause is not cut short").isFalse();
    }

    @Test
    void newsOrCloseEndsAPauseInProgress() throws Exception {
        alarm.roundBegins();
        CompletableFuture<Void> pausing = CompletableFuture.runAsync(() -> alarm.pause(LONG));
        alarm.ring();
        pausing.get(10, TimeUnit.SECONDS);

        alarm.roundBegins();
        CompletableFuture<Void> closing = CompletableFuture.runAsync(() -> alarm.pause(LONG));
        alarm.close();
        closing.get(10, TimeUnit.SECONDS);
        assertThat(alarm.closed()).isTrue();
        alarm.roundBegins();
        assertThat(pauseEnds(LONG)).as("every pause after the close ends at once").isTrue();
    }

    private boolean pauseEnds(Duration pause) {
        return pauseEndsWithin(pause, Duration.ofSeconds(10));
    }

    private boolean pauseEndsWithin(Duration pause, Duration limit) {
        CompletableFuture<Void> pausing = CompletableFuture.runAsync(() -> alarm.pause(pause));
        try {
            pausing.get(limit.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (Exception timedOut) {
            alarm.close();
            return false;
        }
    }
}
