package io.demanager.application.service;

import io.demanager.application.port.in.DeleteInstanceCommand;
import io.demanager.application.port.in.InstanceRef;
import io.demanager.application.port.out.DesiredState;
import io.demanager.domain.error.DomainError;
import io.demanager.domain.instance.Instance;
import io.demanager.domain.instance.InstanceId;
import io.demanager.domain.instance.InstanceStatus;
import io.demanager.domain.instance.LifecycleEvent;
import io.demanager.domain.instance.TransitionCause;
import io.demanager.testkit.RecordingRuntime.Call;
import io.demanager.testkit.RecordingRuntime;
import io.demanager.testkit.RecordingStatusChanges;
import io.demanager.testkit.SettableClock;
import io.demanager.testkit.memory.InMemoryInstanceStore;
import io.demanager.testkit.memory.RacingInstanceStore;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.function.UnaryOperator;

import static io.demanager.testkit.InstanceBuilder.OTHER_PROJECT;
import static io.demanager.testkit.InstanceBuilder.PROJECT;
import static io.demanager.testkit.InstanceBuilder.anInstance;
import static io.demanager.testkit.Principals.MEMBER;
import static org.assertj.core.api.Assertions.assertThat;

class DeleteInstanceServiceTest {

    private static final Instant NOW = Instant.parse("2024-07-01T10:00:00Z");

    private final InMemoryInstanceStore store = new InMemoryInstanceStore();
    /** The store the service writes through, so that a test can make its updates lose their race. */
    private final RacingInstanceStore racing = new RacingInstanceStore(store);
    private final RecordingRuntime runtime = new RecordingRuntime();
    private final RecordingStatusChanges statusChanges = new RecordingStatusChanges();
    private final DeleteInstanceService service = new DeleteInstanceService(racing, runtime, new SettableClock(NOW), statusChanges);

    @ParameterizedTest
    @EnumSource(names = {"STOPPED", "CREATE_QUEUING", "START_QUEUING", "START_FAILED", "CREATE_FAILED", "UNAVAILABLE",
            "RESIZE_FAILED"})
    void anInstanceAtRestIsGoneAndTheRuntimeIsAskedToDeleteIt(InstanceStatus status) {
        Instance stored = store.given(anInstance().status(status).build());

        assertThat(service.delete(command(stored.id(), Option.none()))).containsExactly(stored.id());

        assertThat(store.find(PROJECT, stored.id())).isEmpty();
        assertThat(runtime.calls()).containsExactly(new Call(DesiredState.GONE, stored.id(), InstanceStatus.DELETED));
        assertThat(statusChanges.events()).containsExactly(new LifecycleEvent(stored.id(), Option.some(status),
                InstanceStatus.DELETED, TransitionCause.USER_REQUEST, NOW, stored.version() + 1));
    }

    @Test
    void aRunningInstanceMustBeStoppedFirst() {
        assertRefused(InstanceStatus.RUNNING, new DomainError.StopBeforeDeleting());
    }

    @Test
    void anInstanceThatIsStartingCannotBeDeleted() {
        assertRefused(InstanceStatus.CREATING, new DomainError.InstanceStarting());
    }

    @Test
    void anInstanceThatIsStoppingCannotBeDeleted() {
        assertRefused(InstanceStatus.STOPPING, new DomainError.InstanceStopping());
    }

    @Test
    void unknownInstancesAndThoseOfAnotherProjectAre6309() {
        Instance theirs = store.given(anInstance().project(OTHER_PROJECT).build());

        assertThat(service.delete(command(theirs.id(), Option.none())).getLeft())
                .isEqualTo(new DomainError.InstanceNotFound(theirs.id().value()));
        assertThat(store.find(OTHER_PROJECT, theirs.id())).containsExactly(theirs);
        assertThat(runtime.calls()).isEmpty();
    }

    @Test
    void aVersionTheCallerSawThatIsNoLongerCurrentIsRefusedAndNothingChanges() {
        Instance stored = store.given(anInstance().version(2).build());

        assertThat(service.delete(command(stored.id(), Option.some(1L))).getLeft()).isEqualTo(new DomainError.VersionMismatch(1, 2));
        assertThat(store.find(PROJECT, stored.id())).containsExactly(stored);
        assertThat(runtime.calls()).isEmpty();
    }

    @Test
    void aLostRaceIsRefusedWith6357AndTheRuntimeIsNotAsked() {
        Instance stored = store.given(anInstance().build());
        racing.raceNextUpdates(1, UnaryOperator.identity());

        assertThat(service.delete(command(stored.id(), Option.none())).getLeft()).isInstanceOf(DomainError.OperationNotAllowed.class);
        assertThat(store.find(PROJECT, stored.id()).map(Instance::status)).containsExactly(InstanceStatus.STOPPED);
        assertThat(runtime.calls()).isEmpty();
    }

    private void assertRefused(InstanceStatus status, DomainError expected) {
        Instance stored = store.given(anInstance().status(status).build());

        assertThat(service.delete(command(stored.id(), Option.none())).getLeft()).isEqualTo(expected);
        assertThat(store.find(PROJECT, stored.id())).containsExactly(stored);
        assertThat(runtime.calls()).isEmpty();
    }

    private static DeleteInstanceCommand command(InstanceId id, Option<Long> ifMatch) {
        return new DeleteInstanceCommand(MEMBER, new InstanceRef(PROJECT, id), ifMatch);
    }
}
