package io.demanager.adapter.persistence.postgres;

import io.demanager.application.port.in.StopIdleInstancesUseCase.IdleRound;
import io.demanager.application.port.out.Stores;
import io.demanager.application.port.out.StatusChangePublisher;
import io.demanager.application.service.StopIdleInstancesService;
import io.demanager.domain.idle.IdleStopPolicy;
import io.demanager.domain.idle.IdleStopSettings;
import io.demanager.domain.idle.NotebookActivity;
import io.demanager.domain.instance.Instance;
import io.demanager.domain.instance.InstanceStatus;
import io.demanager.domain.instance.LifecycleEvent;
import io.demanager.domain.instance.TransitionCause;
import io.demanager.testkit.RecordingRuntime;
import io.demanager.testkit.SettableClock;
import io.vavr.collection.List;
import io.vavr.control.Option;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.crypto.SecretKey;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.demanager.testkit.InstanceBuilder.PROJECT;
import static io.demanager.testkit.InstanceBuilder.anInstance;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two idle-stop engines, each over its own pool of connections to one PostgreSQL, look at the same idle instances at
 * once: each instance is warned once and stopped once, whichever engine wrote first.
 */
class IdleStopReplicasTest {

    private static final int INSTANCES = 30;
    private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");
    private static final IdleStopPolicy POLICY = new IdleStopPolicy(Duration.ofSeconds(60), Duration.ofSeconds(3_600),
            Duration.ZERO, Duration.ofSeconds(60));

    private final SettableClock clock = new SettableClock(START);
    private final RecordingRuntime runtime = new RecordingRuntime();
    private TestDatabase test;
    private PostgresDatabase secondPool;
    private Stores first;
    private List<StopIdleInstancesService> engines;
    private ExecutorService threads;

    @BeforeEach
    void startTwoEngines() {
        test = TestDatabase.migrated();
        SecretKey key = TestDatabase.newCredentialKey();
        secondPool = test.connectAnotherPool("replica-b");
        first = test.newStore(key).stores().stores();
        Stores second = PostgresStores.create(secondPool.dataSource(), key).stores();
        engines = List.of(first, second).map(stores -> new StopIdleInstancesService(stores.instancesInStatus(), stores.instances(),
                runtime, StatusChangePublisher.NONE, POLICY, clock));
        threads = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void stop() {
        threads.shutdownNow();
        secondPool.close();
        test.close();
    }

    @Test
    void twoEnginesLookingAtOnceWarnAndStopEachIdleInstanceExactlyOnce() throws Exception {
        var idleStop = new IdleStopSettings(true, Option.some(Duration.ofSeconds(600)));
        List<Instance> idle = List.range(0, INSTANCES).map(i -> first.instances().insert(anInstance().status(InstanceStatus.RUNNING)
                .runningSince(START).idleStop(idleStop).build()).get());
        idle.forEach(instance -> runtime.reportsActivity(instance.id(), new NotebookActivity(List.empty(), List.empty())));

        clock.set(START.plusSeconds(540));
        List<IdleRound> warnings = bothAtOnce();
        clock.set(START.plusSeconds(600));
        List<IdleRound> stops = bothAtOnce();

        assertThat(warnings.map(IdleRound::warned).sum().intValue()).isEqualTo(INSTANCES);
        assertThat(stops.map(IdleRound::stopped).sum().intValue()).isEqualTo(INSTANCES);
        for (Instance instance : idle) {
            assertThat(first.events().events(PROJECT, instance.id(), 0, 0).events().map(LifecycleEvent::cause).reverse())
                    .containsExactly(TransitionCause.USER_REQUEST, TransitionCause.IDLE_ENDING, TransitionCause.IDLE);
            assertThat(first.instances().find(PROJECT, instance.id()).map(Instance::status)).containsExactly(InstanceStatus.STOPPING);
        }
        assertThat(runtime.calls()).hasSize(INSTANCES);
    }

    private List<IdleRound> bothAtOnce() throws Exception {
        List<Callable<IdleRound>> looks = engines.map(engine -> () -> engine.checkIdleInstances(7));
        List<Future<IdleRound>> running = looks.map(threads::submit);
        return running.map(IdleStopReplicasTest::result);
    }

    private static IdleRound result(Future<IdleRound> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
