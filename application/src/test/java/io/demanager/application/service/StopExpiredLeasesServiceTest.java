package io.demanager.application.service;

import io.demanager.application.port.out.DesiredState;
import io.demanager.application.port.out.StatusChangePublisher.StatusChanged;
import io.demanager.domain.instance.Instance;
import io.demanager.domain.instance.InstanceStatus;
import io.demanager.domain.instance.LifecycleEvent;
import io.demanager.domain.instance.TransitionCause;
import io.demanager.testkit.RecordingRuntime.Call;
import io.demanager.testkit.RecordingRuntime;
import io.demanager.testkit.RecordingStatusChanges;
import io.demanager.testkit.SettableClock;
import io.demanager.testkit.memory.InMemoryInstanceStore;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.demanager.testkit.InstanceBuilder.OTHER_PROJECT;
import static io.demanager.testkit.InstanceBuilder.PROJECT;
import static io.demanager.testkit.InstanceBuilder.anInstance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StopExpiredLeasesServiceTest {

    private static final Instant NOW = Instant.parse("2024-07-01T10:00:00Z");

    private final SettableClock clock = new SettableClock(NOW);
    private final InMemoryInstanceStore store = new InMemoryInstanceStore(clock);
    private final RecordingRuntime runtime = new RecordingRuntime();
    private final java.util.List<Duration> latenesses = new CopyOnWriteArrayList<>();
    private final RecordingStatusChanges statusChanges = new RecordingStatusChanges();
    private final StopExpiredLeasesService engine = new StopExpiredLeasesService(store, runtime, latenesses::add, statusChanges);

    @Test
    void anInstanceWhoseLeaseHasRunOutIsStoppedWithAnAutoStopEventAndTheRuntimeIsAskedToStopIt() {
        Instance running = store.given(anInstance().runningUntil(NOW.minusSeconds(1)).version(4).build());

        assertThat(engine.stopExpiredLeases(10)).isEqualTo(1);

        Instance stopping = store.find(PROJECT, running.id()).get();
        assertThat(stopping.status()).isEqualTo(InstanceStatus.STOPPING);
        assertThat(stopping.lease()).isEmpty();
        assertThat(stopping.version()).isEqualTo(5);
        assertThat(store.eventsOf(running.id())).containsExactly(new LifecycleEvent(running.id(),
                Option.some(InstanceStatus.RUNNING), InstanceStatus.STOPPING, TransitionCause.AUTO_STOP, NOW, 5));
        assertThat(runtime.calls()).containsExactly(new Call(DesiredState.STOPPED, running.id(), InstanceStatus.STOPPING));
    }

    @Test
    void eachAutomaticStopIsPublishedWithHowLateItCame() {
        Instance running = store.given(anInstance().runningUntil(NOW.minusSeconds(3)).build());

        engine.stopExpiredLeases(10);

        assertThat(statusChanges.published()).containsExactly(new StatusChanged(PROJECT, store.eventsOf(running.id()).head(),
                Option.some(Duration.ofSeconds(3))));
    }

    @Test
    void aLeaseIsDueAtItsEndToTheInstantAndNotBefore() {
        Instance running = store.given(anInstance().runningUntil(NOW.plusMillis(1)).build());

        assertThat(engine.stopExpiredLeases(10)).isZero();
        assertThat(store.find(PROJECT, running.id())).containsExactly(running);

        clock.advance(Duration.ofMillis(1));
        assertThat(engine.stopExpiredLeases(10)).isEqualTo(1);
        assertThat(store.find(PROJECT, running.id()).map(Instance::status)).containsExactly(InstanceStatus.STOPPING);
    }

    @Test
    void onlyRunningInstancesWithADueLeaseAreStoppedInEveryProject() {
        Instance ours = store.given(anInstance().runningUntil(NOW.minusSeconds(60)).build());
        Instance theirs = store.given(anInstance().project(OTHER_PROJECT).runningUntil(NOW.minusSeconds(30)).build());
        Instance notDue = store.given(anInstance().runningUntil(NOW.plusSeconds(60)).build());
        Instance withoutLease = store.given(anInstance().status(InstanceStatus.RUNNING).build());
        Instance stopped = store.given(anInstance().status(InstanceStatus.STOPPED).build());

        assertThat(engine.stopExpiredLeases(10)).isEqualTo(2);

        assertThat(runtime.calls().map(Call::instanceId)).containsExactlyInAnyOrder(ours.id(), theirs.id());
        assertThat(store.find(PROJECT, notDue.id())).containsExactly(notDue);
        assertThat(store.find(PROJECT, withoutLease.id())).containsExactly(withoutLease);
        assertThat(store.find(PROJECT, stopped.id())).containsExactly(stopped);
    }

    @Test
    void aBatchTakesTheLeasesThatEndedFirstAndAFullBatchMeansMoreMayBeDue() {
        Instance third = store.given(anInstance().runningUntil(NOW.minusSeconds(10)).build());
        Instance first = store.given(anInstance().runningUntil(NOW.minusSeconds(30)).build());
        Instance second = store.given(anInstance().runningUntil(NOW.minusSeconds(20)).build());

        assertThat(engine.stopExpiredLeases(2)).isEqualTo(2);
        assertThat(runtime.calls().map(Call::instanceId)).containsExactly(first.id(), second.id());

        assertThat(engine.stopExpiredLeases(2)).isEqualTo(1);
        assertThat(runtime.calls().map(Call::instanceId)).containsExactly(first.id(), second.id(), third.id());
        assertThat(engine.stopExpiredLeases(2)).isZero();
    }

    @Test
    void eachStopIsReportedWithHowLongAfterTheLeasesEndItCame() {
        store.given(anInstance().runningUntil(NOW.minusSeconds(90)).build());
        store.given(anInstance().runningUntil(NOW).build());

        engine.stopExpiredLeases(10);

        assertThat(latenesses).containsExactly(Duration.ofSeconds(90), Duration.ZERO);
    }

    @Test
    void aBatchHoldsAtLeastOneLease() {
        assertThatThrownBy(() -> engine.stopExpiredLeases(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
