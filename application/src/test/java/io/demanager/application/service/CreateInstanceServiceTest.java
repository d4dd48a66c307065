package io.demanager.application.service;

import io.demanager.application.port.in.InstanceSnapshot;
import io.demanager.application.port.in.QueuePosition;
import io.demanager.application.port.out.DesiredState;
import io.demanager.application.port.out.StatusChangePublisher.StatusChanged;
import io.demanager.domain.autostop.AutoStopChange;
import io.demanager.domain.autostop.AutoStopPolicy;
import io.demanager.domain.autostop.AutoStopSettings;
import io.demanager.domain.error.DomainError;
import io.demanager.domain.error.InstanceAttribute;
import io.demanager.domain.error.StorageAttribute;
import io.demanager.domain.idle.IdleStopPolicy;
import io.demanager.domain.instance.Instance;
import io.demanager.domain.instance.InstanceStatus;
import io.demanager.domain.instance.LifecycleEvent;
import io.demanager.domain.instance.TransitionCause;
import io.demanager.testkit.RecordingRuntime;
import io.demanager.testkit.RecordingRuntime.Call;
import io.demanager.testkit.RecordingStatusChanges;
import io.demanager.testkit.SampleCatalog;
import io.demanager.testkit.SequentialInstanceIds;
import io.demanager.testkit.SettableClock;
import io.demanager.testkit.memory.InMemoryInstanceStore;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

import static io.demanager.application.service.CreateRequestBuilder.aRequest;
import static io.demanager.application.service.CreateRequestBuilder.obs;
import static io.demanager.application.service.CreateRequestBuilder.storage;
import static io.demanager.testkit.InstanceBuilder.OTHER_PROJECT;
import static io.demanager.testkit.InstanceBuilder.OWNER;
import static io.demanager.testkit.InstanceBuilder.PROJECT;
import static io.demanager.testkit.InstanceBuilder.anInstance;
import static io.demanager.testkit.SequentialInstanceIds.idNumber;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class CreateInstanceServiceTest {

    private static final Instant NOW = Instant.parse("2024-07-01T10:00:00Z");
    private static final int FREE_CAPACITY = 1;

    private final InMemoryInstanceStore store = new InMemoryInstanceStore();
    private final RecordingRuntime runtime = new RecordingRuntime();
    private final RecordingStatusChanges statusChanges = new RecordingStatusChanges();
    private final CreateInstanceService service = new CreateInstanceService(store, SampleCatalog.catalog(),
            new FreeFlavorCapacity(store, FREE_CAPACITY), new FreeFlavorQueues(store, FREE_CAPACITY), runtime, new SequentialInstanceIds(), AutoStopPolicy.DEFAULT,
            IdleStopPolicy.DEFAULT, new SettableClock(NOW), statusChanges);

    @Test
    void aNewInstanceIsStoredCreatingAsRequestedAndTheRuntimeIsAskedToCreateIt() {
        InstanceSnapshot snapshot = service.create(aRequest().name("my-notebook").description("for tests")
                .profile(SampleCatalog.GPU_PROFILE).flavor(SampleCatalog.GPU)
                .autoStop(new AutoStopChange(Option.some(true), Option.some(7_200L), Option.some(false))).command()).get();

        Instance created = snapshot.instance();
        assertThat(created.id()).isEqualTo(idNumber(1));
        assertThat(created.status()).isEqualTo(InstanceStatus.CREATING);
        assertThat(created.version()).isZero();
        assertThat(created.createdAt()).isEqualTo(NOW);
        assertThat(created.name().value()).isEqualTo("my-notebook");
        assertThat(created.description().value()).isEqualTo("for tests");
        assertThat(created.profile()).isEqualTo(SampleCatalog.GPU_PROFILE);
        assertThat(created.flavor()).isEqualTo(SampleCatalog.GPU);
        assertThat(created.owner()).isEqualTo(OWNER);
        assertThat(created.autoStop()).isEqualTo(new AutoStopSettings(true, Option.some(Duration.ofHours(2)), false));
        assertThat(snapshot.takenAt()).isEqualTo(NOW);
        assertThat(store.find(PROJECT, created.id())).containsExactly(created);
        assertThat(runtime.calls()).containsExactly(new Call(DesiredState.RUNNING, created.id(), InstanceStatus.CREATING));
        assertThat(store.eventsOf(created.id())).containsExactly(new LifecycleEvent(created.id(), Option.none(),
                InstanceStatus.CREATING, TransitionCause.USER_REQUEST, NOW, 0));
        assertThat(statusChanges.published()).containsExactly(new StatusChanged(PROJECT, store.eventsOf(created.id()).head(),
                Option.none()));
    }

    @Test
    void aFreeFlavorWithRoomIsCreatedAtOnceWithItsMandatoryAutoStop() {
        store.given(anInstance().flavor(SampleCatalog.FREE_CPU).status(InstanceStatus.STOPPED).build());

        Instance created = service.create(aRequest().flavor(SampleCatalog.FREE_CPU).command()).get().instance();

        assertThat(created.status()).isEqualTo(InstanceStatus.CREATING);
        assertThat(created.autoStop()).isEqualTo(AutoStopSettings.initialFor(SampleCatalog.FREE_CPU));
        assertThat(runtime.calls().map(Call::desired)).containsExactly(DesiredState.RUNNING);
    }

    @Test
    void aFreeFlavorWhoseCapacityIsTakenInAnyProjectQueuesAndTheRuntimeIsNotAsked() {
        store.given(anInstance().project(OTHER_PROJECT).flavor(SampleCatalog.FREE_CPU).status(InstanceStatus.RUNNING).build());

        Instance queued = service.create(aRequest().flavor(SampleCatalog.FREE_CPU).command()).get().instance();

        assertThat(queued.status()).isEqualTo(InstanceStatus.CREATE_QUEUING);
        assertThat(queued.queuedSince()).containsExactly(NOW);
        assertThat(store.find(PROJECT, queued.id())).containsExactly(queued);
        assertThat(runtime.calls()).isEmpty();
    }

    @Test
    void aFreePlaceOwedToAQueuedInstanceIsNotTakenByANewcomerWhichQueuesBehindIt() {
        Instance waiting = store.given(anInstance().flavor(SampleCatalog.FREE_CPU).status(InstanceStatus.START_QUEUING)
                .queuedSince(NOW.minusSeconds(60)).build());

        InstanceSnapshot newcomer = service.create(aRequest().flavor(SampleCatalog.FREE_CPU).command()).get();

        assertThat(newcomer.instance().status()).isEqualTo(InstanceStatus.CREATE_QUEUING);
        assertThat(newcomer.queuePosition().map(QueuePosition::rank)).contains(2L);
        assertThat(store.rank(waiting)).isEqualTo(1);
        assertThat(runtime.calls()).isEmpty();
    }

    @Test
    void aSecondLiveInstanceOfTheSameNameInTheProjectIsRefusedWith6301() {
        Instance existing = store.given(anInstance().name("notebook").build());

        Either<DomainError, InstanceSnapshot> result = service.create(aRequest().name("notebook").command());

        assertThat(result.getLeft()).isEqualTo(new DomainError.InstanceAlreadyExists("notebook"));
        assertThat(result.getLeft()).isInstanceOf(DomainError.InstanceAlreadyExists.class);
        assertThat(store.find(PROJECT, idNumber(1))).isEmpty();
        assertThat(store.find(PROJECT, existing.id())).containsExactly(existing);
        assertThat(runtime.calls()).isEmpty();
    }

    @Test
    void theSameNameMayBeUsedInAnotherProject() {
        store.given(anInstance().project(OTHER_PROJECT).name("notebook").build());

        assertThat(service.create(aRequest().name("notebook").command()).map(s -> s.instance().status()))
                .containsExactly(InstanceStatus.CREATING);
    }

    static Stream<Arguments> invalidRequests() {
        return Stream.of(
                arguments(aRequest().name("bad!name"), new DomainError.CharacterNotAllowed(InstanceAttribute.NAME, '!')),
                arguments(aRequest().name("n".repeat(65)), new DomainError.IncorrectValue(InstanceAttribute.NAME)),
                arguments(aRequest().description("a <b>"), new DomainError.CharacterNotAllowed(InstanceAttribute.DESCRIPTION, '<')),
                arguments(aRequest().description("d".repeat(513)), new DomainError.IncorrectValue(InstanceAttribute.DESCRIPTION)),
                arguments(aRequest().profileId("no-such-profile"), new DomainError.IncorrectValue(InstanceAttribute.PROFILE)),
                arguments(aRequest().flavorName("modelarts.vm.tpu"), new DomainError.FlavorNotSupported("modelarts.vm.tpu")),
                arguments(aRequest().flavor(SampleCatalog.SOLD_OUT), new DomainError.FlavorSoldOut(SampleCatalog.SOLD_OUT.name())),
                arguments(aRequest().profile(SampleCatalog.GPU_PROFILE),
                        new DomainError.ProfileDoesNotMatchFlavor(SampleCatalog.GPU_PROFILE.id(), SampleCatalog.CPU.name())),
                arguments(aRequest().storage(obs("/bucket/work")), new DomainError.PathMustEndWithSlash(new StorageAttribute(Option.none(), StorageAttribute.Part.PATH))),
                arguments(aRequest().storage(obs("/bucket/")), new DomainError.BucketRootNotAllowed("/bucket/")),
                arguments(aRequest().storage(storage("evs", Option.some(4_097))), new DomainError.EvsVolumeSizeOutOfRange(4_097)),
                arguments(aRequest().storage(storage("obsfs", Option.none())), new DomainError.IncorrectValue(new StorageAttribute(Option.none(), StorageAttribute.Part.TYPE))),
                arguments(aRequest().autoStop(new AutoStopChange(Option.some(true), Option.none(), Option.none())),
                        new DomainError.DurationRequired()),
                arguments(aRequest().autoStop(new AutoStopChange(Option.some(true), Option.some(60L), Option.none())),
                        new DomainError.DurationOutOfRange(3_600, 86_400)),
                arguments(aRequest().flavor(SampleCatalog.FREE_CPU)
                                .autoStop(new AutoStopChange(Option.some(false), Option.none(), Option.none())),
                        new DomainError.IncorrectValue(InstanceAttribute.AUTO_STOP_ENABLED)));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("invalidRequests")
    void anInvalidRequestIsAnsweredWithTheDomainsErrorAndNothingIsStoredOrAsked(CreateRequestBuilder request,
                                                                                DomainError expected) {
        Either<DomainError, InstanceSnapshot> result = service.create(request.command());

        assertThat(result.getLeft()).isEqualTo(expected);
        assertThat(store.find(PROJECT, idNumber(1))).isEmpty();
        assertThat(runtime.calls()).isEmpty();
    }
}
