package io.demanager.application.service;

import io.demanager.application.port.in.InstanceRef;
import io.demanager.application.port.out.DesiredState;
import io.demanager.application.port.in.InstanceActionCommand.Action;
import io.demanager.application.port.in.InstanceActionCommand;
import io.demanager.application.port.in.InstanceActionUseCase.StatusChange;
import io.demanager.application.port.out.StatusChangePublisher.StatusChanged;
import io.demanager.domain.error.DomainError;
import io.demanager.domain.error.InstanceAttribute;
import io.demanager.domain.instance.Instance;
import io.demanager.domain.instance.InstanceId;
import io.demanager.domain.instance.InstanceStatus;
import io.demanager.domain.instance.LifecycleEvent;
import io.demanager.domain.instance.TransitionCause;
import io.demanager.testkit.RecordingRuntime.Call;
import io.demanager.testkit.RecordingRuntime;
import io.demanager.testkit.RecordingStatusChanges;
import io.demanager.testkit.SampleCatalog;
import io.demanager.testkit.SettableClock;
import io.demanager.testkit.memory.InMemoryInstanceStore;
import io.demanager.testkit.memory.RacingInstanceStore;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;
import java.util.function.UnaryOperator;

import static io.demanager.testkit.InstanceBuilder.OTHER_PROJECT;
import static io.demanager.testkit.InstanceBuilder.PROJECT;
import static io.demanager.testkit.InstanceBuilder.anInstance;
import static io.demanager.testkit.Principals.MEMBER;
import static org.assertj.core.api.Assertions.assertThat;

class InstanceActionServiceTest {

    private static final Instant NOW = Instant.parse("2024-07-01T10:00:00Z");

    private final InMemoryInstanceStore store = new InMemoryInstanceStore();
    /** The store the service writes through, so that a test can make its updates lose their race. */
    private final RacingInstanceStore racing = new RacingInstanceStore(store);
    private final RecordingRuntime runtime = new RecordingRuntime();
    private final RecordingStatusChanges statusChanges = new RecordingStatusChanges();
    private final InstanceActionService service = new InstanceActionService(racing, new FreeFlavorCapacity(store, 1), runtime,
            new SettableClock(NOW), statusChanges);

    @Test
    void startingAStoppedInstanceAsksTheRuntimeToStartIt() {
        Instance stopped = store.given(anInstance().status(InstanceStatus.STOPPED).build());

        assertWorkAsked(stopped, Action.START, InstanceStatus.STARTING, DesiredState.RUNNING);
    }

    @Test
    void stoppingARunningInstanceAsksTheRuntimeToStopIt() {
        Instance running = store.given(anInstance().runningUntil(NOW.plusSeconds(60)).build());

        assertWorkAsked(running, Action.STOP, InstanceStatus.STOPPING, DesiredState.STOPPED);
        assertThat(store.find(PROJECT, running.id()).get().lease()).isEmpty();
    }

    @Test
    void restartingARunningInstanceAsksTheRuntimeToRestartIt() {
        Instance running = store.given(anInstance().status(InstanceStatus.RUNNING).build());

        assertWorkAsked(running, Action.RESTART, InstanceStatus.RESTARTING, DesiredState.RESTARTED);
    }

    @Test
    void aFreeFlavorWithRoomStartsAtOnce() {
        Instance stopped = store.given(anInstance().flavor(SampleCatalog.FREE_CPU).build());

        assertWorkAsked(stopped, Action.START, InstanceStatus.STARTING, DesiredState.RUNNING);
    }

    @Test
    void aFreeFlavorWithNoRoomLeftQueuesAndTheRuntimeIsNotAsked() {
        store.given(anInstance().project(OTHER_PROJECT).flavor(SampleCatalog.FREE_CPU).status(InstanceStatus.RUNNING).build());
        Instance stopped = store.given(anInstance().flavor(SampleCatalog.FREE_CPU).build());

        assertBookkeepingOnly(stopped, Action.START, InstanceStatus.START_QUEUING);
    }

    @Test
    void queuingAFreeInstanceIsBookkeepingOnly() {
        Instance stopped = store.given(anInstance().flavor(SampleCatalog.FREE_CPU).build());

        assertBookkeepingOnly(stopped, Action.QUEUE, InstanceStatus.START_QUEUING);
        assertThat(store.find(PROJECT, stopped.id()).get().queuedSince()).containsExactly(NOW);
    }

    @Test
    void dequeuingAFreeInstanceIsBookkeepingOnly() {
        Instance queued = store.given(anInstance().flavor(SampleCatalog.FREE_CPU).status(InstanceStatus.START_QUEUING).build());

        assertBookkeepingOnly(queued, Action.DEQUEUE, InstanceStatus.STOPPED);
        assertThat(store.find(PROJECT, queued.id()).get().queuedSince()).isEmpty();
    }

    @Test
    void queuingAnInstanceOfAPaidFlavorIsAnIncorrectAction() {
        assertRefused(store.given(anInstance().build()), Action.QUEUE, new DomainError.IncorrectValue(InstanceAttribute.USER_REQUEST));
    }

    @Test
    void startingARunningInstanceIsRefusedAndNothingChanges() {
        assertRefused(store.given(anInstance().status(InstanceStatus.RUNNING).build()), Action.START, new DomainError.AlreadyRunning());
    }

    @Test
    void stoppingAStoppedInstanceIsRefusedAndNothingChanges() {
        assertRefused(store.given(anInstance().build()), Action.STOP, new DomainError.AlreadyStopped());
    }

    @Test
    void anyRequestWhileStoppingIsRefused() {
        assertRefused(store.given(anInstance().status(InstanceStatus.STOPPING).build()), Action.RESTART,
                new DomainError.InstanceStopping());
    }

    @Test
    void aVersionTheCallerSawThatIsNoLongerCurrentIsRefused() {
        Instance stored = store.given(anInstance().version(5).build());

        assertThat(service.act(new InstanceActionCommand(MEMBER, new InstanceRef(PROJECT, stored.id()), Action.START, Option.some(4L)))
                .getLeft()).isEqualTo(new DomainError.VersionMismatch(4, 5));
        assertThat(store.find(PROJECT, stored.id())).containsExactly(stored);
        assertThat(runtime.calls()).isEmpty();
        assertThat(statusChanges.published()).isEmpty();
    }

    @Test
    void aMatchingVersionIsAccepted() {
        Instance stored = store.given(anInstance().version(5).build());

        assertThat(service.act(new InstanceActionCommand(MEMBER, new InstanceRef(PROJECT, stored.id()), Action.START, Option.some(5L))))
                .containsExactly(new StatusChange(InstanceStatus.STOPPED, InstanceStatus.STARTING));
    }

    @Test
    void unknownInstancesAndThoseOfAnotherProjectAre6309() {
        Instance theirs = store.given(anInstance().project(OTHER_PROJECT).build());
        InstanceId unknown = new InstanceId(UUID.randomUUID());

        assertThat(service.act(command(theirs, Action.START)).getLeft()).isEqualTo(new DomainError.InstanceNotFound(theirs.id().value()));
        assertThat(service.act(new InstanceActionCommand(MEMBER, new InstanceRef(PROJECT, unknown), Action.START, Option.none())).getLeft())
                .isEqualTo(new DomainError.InstanceNotFound(unknown.value()));
        assertThat(store.find(OTHER_PROJECT, theirs.id())).containsExactly(theirs);
        assertThat(runtime.calls()).isEmpty();
    }

    @Test
    void aLostRaceIsRefusedWith6357AndTheRuntimeIsNotAsked() {
        Instance stored = store.given(anInstance().build());
        racing.raceNextUpdates(1, UnaryOperator.identity());

        assertThat(service.act(command(stored, Action.START)).getLeft()).isInstanceOf(DomainError.OperationNotAllowed.class);
        assertThat(store.find(PROJECT, stored.id()).map(Instance::status)).containsExactly(InstanceStatus.STOPPED);
        assertThat(runtime.calls()).isEmpty();
    }

    private void assertWorkAsked(Instance stored, Action action, InstanceStatus expected, DesiredState asked) {
        assertThat(service.act(command(stored, action))).containsExactly(new StatusChange(stored.status(), expected));
        assertThat(store.find(PROJECT, stored.id()).map(Instance::status)).containsExactly(expected);
        assertThat(runtime.calls()).containsExactly(new Call(asked, stored.id(), expected));
        assertThat(store.eventsOf(stored.id())).containsExactly(new LifecycleEvent(stored.id(), Option.some(stored.status()),
                expected, TransitionCause.USER_REQUEST, NOW, stored.version() + 1));
        assertThat(statusChanges.published()).containsExactly(new StatusChanged(PROJECT, store.eventsOf(stored.id()).head(),
                Option.none()));
    }

    private void assertBookkeepingOnly(Instance stored, Action action, InstanceStatus expected) {
        assertThat(service.act(command(stored, action))).containsExactly(new StatusChange(stored.status(), expected));
        assertThat(store.find(PROJECT, stored.id()).map(Instance::status)).containsExactly(expected);
        assertThat(runtime.calls()).isEmpty();
        assertThat(statusChanges.events()).containsExactlyElementsOf(store.eventsOf(stored.id())).hasSize(1);
    }

    private void assertRefused(Instance stored, Action action, DomainError expected) {
        assertThat(service.act(command(stored, action)).getLeft()).isEqualTo(expected);
        assertThat(store.find(PROJECT, stored.id())).containsExactly(stored);
        assertThat(runtime.calls()).isEmpty();
        assertThat(statusChanges.published()).isEmpty();
    }

    private static InstanceActionCommand command(Instance target, Action action) {
        return new InstanceActionCommand(MEMBER, new InstanceRef(PROJECT, target.id()), action, Option.none());
    }
}
