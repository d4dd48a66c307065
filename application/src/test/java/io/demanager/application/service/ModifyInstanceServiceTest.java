package io.demanager.application.service;

import io.demanager.application.port.in.InstanceRef;
import io.demanager.application.port.in.InstanceSnapshot;
import io.demanager.application.port.in.ModifyInstanceCommand;
import io.demanager.domain.autostop.AutoStopChange;
import io.demanager.domain.autostop.AutoStopLease;
import io.demanager.domain.autostop.AutoStopPolicy;
import io.demanager.domain.autostop.AutoStopSettings;
import io.demanager.domain.error.DomainError;
import io.demanager.domain.idle.IdleStopPolicy;
import io.demanager.domain.instance.Description;
import io.demanager.domain.instance.Instance;
import io.demanager.domain.instance.InstanceId;
import io.demanager.testkit.SettableClock;
import io.demanager.testkit.memory.InMemoryInstanceStore;
import io.demanager.testkit.memory.RacingInstanceStore;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.UnaryOperator;

import static io.demanager.testkit.InstanceBuilder.OTHER_PROJECT;
import static io.demanager.testkit.InstanceBuilder.PROJECT;
import static io.demanager.testkit.InstanceBuilder.anInstance;
import static io.demanager.testkit.Principals.MEMBER;
import static org.assertj.core.api.Assertions.assertThat;

class ModifyInstanceServiceTest {

    private static final Instant NOW = Instant.parse("2024-07-01T10:00:00Z");
    private static final AutoStopSettings TWO_HOURS = new AutoStopSettings(true, Option.some(Duration.ofHours(2)), true);
    private static final AutoStopChange ENABLE_FOR_TWO_HOURS = new AutoStopChange(Option.some(true), Option.some(7_200L), Option.none());

    /** Another client's write that wins a race: it changes the description only. */
    private static final UnaryOperator<Instance> THEIR_DESCRIPTION =
            stored -> stored.modify(Option.some(new Description("theirs")), AutoStopChange.NONE, AutoStopPolicy.DEFAULT, NOW).get();

    private final InMemoryInstanceStore store = new InMemoryInstanceStore();
    /** The store the service writes through, so that a test can make its updates lose their race. */
    private final RacingInstanceStore racing = new RacingInstanceStore(store);
    private final ModifyInstanceService service = new ModifyInstanceService(racing, AutoStopPolicy.DEFAULT, IdleStopPolicy.DEFAULT, new SettableClock(NOW));

    @Test
    void theDescriptionAloneChangesAndTheAutoStopStays() {
        Instance stored = store.given(anInstance().description("old").autoStop(TWO_HOURS).build());

        InstanceSnapshot snapshot = service.modify(command(stored, Option.some("new"), AutoStopChange.NONE, Option.none())).get();

        Instance modified = snapshot.instance();
        assertThat(modified.description().value()).isEqualTo("new");
        assertThat(modified.autoStop()).isEqualTo(TWO_HOURS);
        assertThat(modified.version()).isEqualTo(1);
        assertThat(modified.updatedAt()).isEqualTo(NOW);
        assertThat(snapshot.takenAt()).isEqualTo(NOW);
        assertThat(store.find(PROJECT, stored.id())).containsExactly(modified);
        assertThat(store.eventsOf(stored.id())).as("a change that keeps the status is no lifecycle event").isEmpty();
    }

    @Test
    void theAutoStopAloneChangesAndTheDescriptionStays() {
        Instance stored = store.given(anInstance().description("kept").build());

        Instance modified = service.modify(command(stored, Option.none(), ENABLE_FOR_TWO_HOURS, Option.none())).get().instance();

        assertThat(modified.autoStop()).isEqualTo(TWO_HOURS);
        assertThat(modified.description().value()).isEqualTo("kept");
        assertThat(store.find(PROJECT, stored.id())).containsExactly(modified);
    }

    @Test
    void bothChangeTogetherAndAnAbsentAutoStopPartStays() {
        Instance stored = store.given(anInstance().description("old").autoStop(TWO_HOURS).build());
        var promptOnly = new AutoStopChange(Option.none(), Option.none(), Option.some(false));

        Instance modified = service.modify(command(stored, Option.some("new"), promptOnly, Option.none())).get().instance();

        assertThat(modified.description().value()).isEqualTo("new");
        assertThat(modified.autoStop()).isEqualTo(new AutoStopSettings(true, Option.some(Duration.ofHours(2)), false));
    }

    @Test
    void aChangeWhileRunningKeepsTheCurrentRunsStopTime() {
        Instant stopAt = NOW.plusSeconds(600);
        Instance running = store.given(anInstance().runningUntil(stopAt)
                .autoStop(new AutoStopSettings(true, Option.some(Duration.ofHours(1)), true)).build());

        InstanceSnapshot snapshot = service.modify(command(running, Option.none(), ENABLE_FOR_TWO_HOURS, Option.none())).get();

        assertThat(snapshot.instance().autoStop()).isEqualTo(TWO_HOURS);
        assertThat(snapshot.instance().lease()).containsExactly(new AutoStopLease(stopAt));
        assertThat(snapshot.remainTimeSeconds()).containsExactly(600L);
    }

    @Test
    void theVersionTheCallerSawIsCheckedAndAMatchChangesTheInstance() {
        Instance stored = store.given(anInstance().version(4).build());

        Instance modified = service.modify(command(stored, Option.some("new"), AutoStopChange.NONE, Option.some(4L))).get().instance();

        assertThat(modified.version()).isEqualTo(5);
        assertThat(modified.description().value()).isEqualTo("new");
    }

    @Test
    void aVersionTheCallerSawThatIsNoLongerCurrentIsRefusedAndNothingChanges() {
        Instance stored = store.given(anInstance().description("old").version(4).build());

        Either<DomainError, InstanceSnapshot> result = service.modify(command(stored, Option.some("new"), ENABLE_FOR_TWO_HOURS,
                Option.some(3L)));

        assertThat(result.getLeft()).isEqualTo(new DomainError.VersionMismatch(3, 4));
        assertThat(store.find(PROJECT, stored.id())).containsExactly(stored);
    }

    @Test
    void anInvalidAutoStopIsRefusedAndNothingChangesNotEvenTheDescription() {
        Instance stored = store.given(anInstance().description("old").build());
        var tooLong = new AutoStopChange(Option.some(true), Option.some(86_401L), Option.none());

        Either<DomainError, InstanceSnapshot> result = service.modify(command(stored, Option.some("new"), tooLong, Option.none()));

        assertThat(result.getLeft()).isEqualTo(new DomainError.DurationOutOfRange(3_600, 86_400));
        assertThat(store.find(PROJECT, stored.id())).containsExactly(stored);
    }

    @Test
    void unknownInstancesAndThoseOfAnotherProjectAre6309() {
        Instance theirs = store.given(anInstance().project(OTHER_PROJECT).build());
        InstanceId unknown = new InstanceId(UUID.randomUUID());

        assertThat(service.modify(command(theirs, Option.some("mine"), AutoStopChange.NONE, Option.none())).getLeft())
                .isEqualTo(new DomainError.InstanceNotFound(theirs.id().value()));
        assertThat(service.modify(new ModifyInstanceCommand(MEMBER, new InstanceRef(PROJECT, unknown), Option.none(),
                AutoStopChange.NONE, Option.none())).getLeft()).isEqualTo(new DomainError.InstanceNotFound(unknown.value()));
        assertThat(store.find(OTHER_PROJECT, theirs.id())).containsExactly(theirs);
    }

    @Test
    void writesBeforeItsTurnAreKeptAndItIsAppliedOnTheirResultSoThatBothChangesSurvive() {
        Instance stored = store.given(anInstance().description("old").build());
        racing.raceNextUpdates(2, THEIR_DESCRIPTION);

        Instance modified = service.modify(command(stored, Option.none(), ENABLE_FOR_TWO_HOURS, Option.none())).get().instance();

        assertThat(modified.description().value()).isEqualTo("theirs");
        assertThat(modified.autoStop()).isEqualTo(TWO_HOURS);
        assertThat(modified.version()).isEqualTo(3);
        assertThat(store.find(PROJECT, stored.id())).containsExactly(modified);
    }

    @Test
    void writersThatCameFirstAreAppliedBeforeItAndItIsNeitherRefusedNorLost() {
        Instance stored = store.given(anInstance().description("old").build());
        racing.raceNextUpdates(8, THEIR_DESCRIPTION);

        Either<DomainError, InstanceSnapshot> result = service.modify(command(stored, Option.none(), ENABLE_FOR_TWO_HOURS, Option.none()));

        assertThat(result.map(snapshot -> snapshot.instance().autoStop())).containsExactly(TWO_HOURS);
        Instance after = store.find(PROJECT, stored.id()).get();
        assertThat(after.version()).as("eight writes before it, then its own").isEqualTo(9);
        assertThat(after.description().value()).isEqualTo("theirs");
        assertThat(after.autoStop()).isEqualTo(TWO_HOURS);
    }

    @Test
    void aWriteBeforeItsTurnAgainstAVersionTheCallerNamedIsAVersionMismatch() {
        Instance stored = store.given(anInstance().description("old").build());
        racing.raceNextUpdates(1, THEIR_DESCRIPTION);

        Either<DomainError, InstanceSnapshot> result = service.modify(command(stored, Option.none(), ENABLE_FOR_TWO_HOURS, Option.some(0L)));

        assertThat(result.getLeft()).isEqualTo(new DomainError.VersionMismatch(0, 1));
        assertThat(store.find(PROJECT, stored.id()).map(Instance::autoStop)).containsExactly(AutoStopSettings.DISABLED);
    }

    /** A command from a caller of {@code PROJECT} about {@code target}'s id. */
    private static ModifyInstanceCommand command(Instance target, Option<String> description, AutoStopChange autoStop,
                                                 Option<Long> ifMatch) {
        return new ModifyInstanceCommand(MEMBER, new InstanceRef(PROJECT, target.id()), description.map(Description::new), autoStop, ifMatch);
    }
}
