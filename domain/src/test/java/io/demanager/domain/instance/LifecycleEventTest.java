package io.demanager.domain.instance;

import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import static io.demanager.domain.Fixtures.CREATED_AT;
import static io.demanager.domain.Fixtures.FREE_CPU;
import static io.demanager.domain.Fixtures.NOW;
import static io.demanager.domain.Fixtures.PAID_CPU;
import static io.demanager.domain.Fixtures.everyRuntimeEvent;
import static io.demanager.domain.Fixtures.instance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LifecycleEventTest {

    @Test
    void aNewInstanceIsAnEventFromNothing() {
        Instance created = instance(InstanceStatus.CREATING, PAID_CPU).atVersion(0);

        assertThat(LifecycleEvent.ofWrite(Option.none(), created, TransitionCause.USER_REQUEST)).containsExactly(
                new LifecycleEvent(created.id(), Option.none(), InstanceStatus.CREATING, TransitionCause.USER_REQUEST,
                        CREATED_AT, 0));
    }

    @Test
    void aChangeOfStatusIsAnEventAtTheUpdateTimeAndTheWrittenVersion() {
        Instance stopping = instance(InstanceStatus.RUNNING, PAID_CPU).stop(NOW).get().atVersion(5);

        assertThat(LifecycleEvent.ofWrite(Option.some(InstanceStatus.RUNNING), stopping, TransitionCause.AUTO_STOP))
                .containsExactly(new LifecycleEvent(stopping.id(), Option.some(InstanceStatus.RUNNING),
                        InstanceStatus.STOPPING, TransitionCause.AUTO_STOP, NOW, 5));
    }

    @Test
    void aWriteThatKeepsTheStatusIsNoEvent() {
        Instance running = instance(InstanceStatus.RUNNING, PAID_CPU).atVersion(3);

        assertThat(LifecycleEvent.ofWrite(Option.some(InstanceStatus.RUNNING), running, TransitionCause.USER_REQUEST)).isEmpty();
    }

    @Test
    void aRenewalIsAnEventThatKeepsTheStatus() {
        Instance renewed = instance(InstanceStatus.RUNNING, PAID_CPU).atVersion(4);

        assertThat(LifecycleEvent.ofWrite(Option.some(InstanceStatus.RUNNING), renewed, TransitionCause.LEASE_RENEWED))
                .containsExactly(new LifecycleEvent(renewed.id(), Option.some(InstanceStatus.RUNNING),
                        InstanceStatus.RUNNING, TransitionCause.LEASE_RENEWED, CREATED_AT, 4));
    }

    @Test
    void theLeasesEventsNeverRecordAChangeOfStatus() {
        assertThatThrownBy(() -> new LifecycleEvent(instance(InstanceStatus.RUNNING, PAID_CPU).id(),
                Option.some(InstanceStatus.RUNNING), InstanceStatus.STOPPING, TransitionCause.LEASE_ENDING, NOW, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEventCannotRecordAStatusChangingIntoItself() {
        assertThatThrownBy(() -> new LifecycleEvent(instance(InstanceStatus.STOPPED, FREE_CPU).id(),
                Option.some(InstanceStatus.STOPPED), InstanceStatus.STOPPED, TransitionCause.USER_REQUEST, NOW, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theRuntimeReportsFailuresAsFailuresAndEverythingElseAsProgress() {
        assertThat(everyRuntimeEvent().filter(event -> TransitionCause.of(event) == TransitionCause.FAILURE)
                .map(RuntimeEvent::wireName))
                .containsExactlyInAnyOrder("CreateFailed", "StartFailed", "Faulted");
        assertThat(everyRuntimeEvent().filter(event -> TransitionCause.of(event) == TransitionCause.RUNTIME_PROGRESS)
                .map(RuntimeEvent::wireName))
                .containsExactlyInAnyOrder("Created", "Started", "Stopped", "CapacityFreed", "StartLaunched");
    }
}
