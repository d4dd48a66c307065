package io.demanager.bootstrap.idlestop;

import io.demanager.application.port.in.StopIdleInstancesUseCase.IdleRound;
import io.demanager.domain.idle.IdleStopPolicy;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static io.demanager.bootstrap.Eventually.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/** The idle-stop worker tells the metrics of every look: what it did, or that it failed, and how long it took. */
class IdleStopWorkerTest {

    private static final IdleStopEngineSettings OFTEN = new IdleStopEngineSettings(IdleStopPolicy.DEFAULT, Duration.ofMillis(10), 50);

    private record Look(Option<IdleRound> done, Duration took) {
    }

    @Test
    void eachLookIsToldWithWhatItDidAndAFailedOneAsFailed() {
        var looks = new CopyOnWriteArrayList<Look>();
        var calls = new AtomicInteger();
        var slowSecondLook = Duration.ofMillis(200);
        try (var worker = new IdleStopWorker(pageSize -> switch (calls.incrementAndGet()) {
            case 1 -> new IdleRound(pageSize, 2, 1);
            case 2 -> {
                sleep(slowSecondLook);
                throw new IllegalStateException("the database is away");
            }
            default -> new IdleRound(0, 0, 0);
        }, OFTEN, (done, took) -> looks.add(new Look(done, took)))) {
            worker.start();
            waitUntil("three looks told", () -> looks.size() >= 3);
        }

        List<Look> told = List.copyOf(looks);
        assertThat(told.get(0).done()).containsExactly(new IdleRound(50, 2, 1));
        assertThat(told.get(1).done()).isEmpty();
        assertThat(told.get(1).took()).isGreaterThanOrEqualTo(slowSecondLook);
        assertThat(told.get(2).done()).containsExactly(new IdleRound(0, 0, 0));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
