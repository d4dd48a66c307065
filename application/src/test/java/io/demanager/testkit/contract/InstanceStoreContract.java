package io.demanager.testkit.contract;

import io.demanager.application.port.out.ActiveInstances;
import io.demanager.application.port.out.InstanceEvents;
import io.demanager.application.port.out.InstanceEvents.EventPage;
import io.demanager.application.port.out.InstancePage;
import io.demanager.application.port.out.InstanceStore;
import io.demanager.application.port.out.InstanceStore.StaleWrite;
import io.demanager.domain.autostop.AutoStopChange;
import io.demanager.domain.autostop.AutoStopPolicy;
import io.demanager.domain.autostop.AutoStopSettings;
import io.demanager.domain.autostop.LeaseRenewalPolicy;
import io.demanager.domain.error.DomainError;
import io.demanager.domain.idle.IdleStopPolicy;
import io.demanager.domain.idle.IdleStopSettings;
import io.demanager.domain.idle.NotebookActivity;
import io.demanager.domain.instance.Description;
import io.demanager.domain.instance.Instance;
import io.demanager.domain.instance.InstanceSort.Direction;
import io.demanager.domain.instance.InstanceSort.Key;
import io.demanager.domain.instance.InstanceId;
import io.demanager.domain.instance.InstanceStatus;
import io.demanager.domain.instance.LifecycleEvent;
import io.demanager.domain.instance.Pool;
import io.demanager.domain.instance.PoolId;
import io.demanager.domain.instance.RuntimeEvent;
import io.demanager.domain.instance.TransitionCause;
import io.demanager.domain.instance.UserRef;
import io.demanager.testkit.SampleCatalog;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import static io.demanager.domain.instance.TransitionCause.USER_REQUEST;
import static io.demanager.testkit.StoreFixtures.CREATED_AT;
import static io.demanager.testkit.StoreFixtures.OTHER_PROJECT;
import static io.demanager.testkit.StoreFixtures.PROJECT;
import static io.demanager.testkit.StoreFixtures.anInstance;
import static io.demanager.testkit.StoreFixtures.everythingFilled;
import static io.demanager.testkit.StoreFixtures.failedReason;
import static io.demanager.testkit.StoreFixtures.listing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link InstanceStore} (which also answers {@link ActiveInstances} and {@link InstanceEvents}) must do,
 * whatever keeps the data.
 * A store's test extends this class and says how to make a fresh, empty store; the whole suite then runs on it.
 * <p>
 * Listings sort names by code point (names are ASCII, so this is binary order) and break ties by the id's text
 * form in the same direction as the sort (for a UUID column, its natural order), so that pages never overlap.
 * The parts an instance never changes after creation (id, project, name, creation time, profile, flavor, pool,
 * spec, workspace, AI project, owner) need only survive the insert; the others must survive every update.
 * Every write that changes the status records its lifecycle event with it, and only then.
 */
public abstract class InstanceStoreContract<S extends InstanceStore & ActiveInstances & InstanceEvents> {

    private static final int THREADS = 4;

    protected S store;

    /** A store holding no instance at all; called before each test. */
    protected abstract S emptyStore();

    @BeforeEach
    void startFromAnEmptyStore() {
        store = emptyStore();
    }

    // ---- insert and find ------------------------------------------------------------------------

    @Test
    void anInsertedInstanceIsFoundAtVersionZeroWhateverVersionItCarried() {
        Instance instance = anInstance().version(7).build();

        Instance inserted = insert(instance);

        assertThat(inserted).isEqualTo(instance.atVersion(0));
        assertThat(store.find(PROJECT, instance.id())).containsExactly(inserted);
    }

    @Test
    void anUnknownIdIsNotFound() {
        insert(anInstance().build());

        assertThat(store.find(PROJECT, new InstanceId(UUID.randomUUID()))).isEmpty();
    }

    @Test
    void anInstanceOfAnotherProjectIsNotFound() {
        Instance theirs = insert(anInstance().project(OTHER_PROJECT).build());

        assertThat(store.find(PROJECT, theirs.id())).isEmpty();
        assertThat(store.find(OTHER_PROJECT, theirs.id())).containsExactly(theirs);
    }

    @Test
    void aSecondLiveInstanceOfTheSameNameInAProjectIsRefusedAndNotStored() {
        Instance first = insert(anInstance().name("notebook").description("first").build());
        Instance second = anInstance().name("notebook").description("second").build();

        Either<DomainError, Instance> refused = store.insert(second);

        assertThat(refused.getLeft()).isEqualTo(new DomainError.InstanceAlreadyExists("notebook"));
        assertThat(store.find(PROJECT, second.id())).isEmpty();
        assertThat(store.find(PROJECT, first.id())).containsExactly(first);
        assertThat(store.list(listing(PROJECT).build()).totalCount()).isEqualTo(1);
    }

    @Test
    void theSameNameMayBeUsedInAnotherProject() {
        insert(anInstance().name("notebook").build());

        Instance theirs = insert(anInstance().name("notebook").project(OTHER_PROJECT).build());

        assertThat(store.find(OTHER_PROJECT, theirs.id())).containsExactly(theirs);
    }

    @Test
    void theNameOfADeletedInstanceMayBeUsedAgain() {
        Instance deleted = update(insert(anInstance().name("notebook").build()).delete(CREATED_AT.plusSeconds(1)).get());

        Instance reborn = insert(anInstance().name("notebook").build());

        assertThat(store.find(PROJECT, reborn.id())).containsExactly(reborn);
        assertThat(store.find(PROJECT, deleted.id())).isEmpty();
    }

    @Test
    void insertingAnIdThatIsAlreadyStoredIsABugAndIsThrown() {
        Instance stored = insert(anInstance().name("first").build());

        assertThatThrownBy(() -> store.insert(anInstance().id(stored.id()).name("second").build()))
                .isInstanceOf(RuntimeException.class);
        assertThat(store.find(PROJECT, stored.id())).containsExactly(stored);
    }

    @Test
    void concurrentInsertsOfOneNameLetExactlyOneWin() throws Exception {
        List<Either<DomainError, Instance>> outcomes = inParallel(() -> store.insert(anInstance().name("contested").build()));

        assertThat(outcomes.filter(Either::isRight)).hasSize(1);
        assertThat(outcomes.filter(Either::isLeft).map(Either::getLeft))
                .containsOnly(new DomainError.InstanceAlreadyExists("contested"))
                .hasSize(THREADS - 1);
        assertThat(store.list(listing(PROJECT).build()).instances())
                .containsExactly(outcomes.find(Either::isRight).get().get());
    }

    // ---- every field survives ---------------------------------------------------------------------

    @Test
    void everyFieldOfARunningInstanceWithALeaseSurvivesInsertAndFind() {
        assertRoundTrip(everythingFilled(InstanceStatus.RUNNING).runningUntil(CREATED_AT.plusSeconds(3_600))
                .runningSince(CREATED_AT.plusMillis(17)).idleWarnedAt(CREATED_AT.plusMillis(1_000)).build());
    }

    @Test
    void everyFieldOfAFailedInstanceSurvivesInsertAndFind() {
        assertRoundTrip(everythingFilled(InstanceStatus.START_FAILED).failure(failedReason()).build());
    }

    @Test
    void everyFieldOfAQueuedInstanceSurvivesInsertAndFind() {
        assertRoundTrip(everythingFilled(InstanceStatus.CREATE_QUEUING).queuedSince(CREATED_AT.plusMillis(5)).build());
    }

    @Test
    void anInstanceWithNoOptionalPartSurvivesInsertAndFind() {
        assertRoundTrip(anInstance().build());
    }

    @Test
    void everyChangeableFieldSurvivesUpdatesThatFillAndClearIt() {
        Instance stopped = insert(everythingFilled(InstanceStatus.STOPPED).build());
        Instant later = CREATED_AT.plusSeconds(60);
        var running = everythingFilled(InstanceStatus.RUNNING).id(stopped.id())
                .description("now running").updatedAt(later).runningUntil(later.plusSeconds(7_200))
                .runningSince(later.minusMillis(3)).idleWarnedAt(later.plusMillis(1))
                .autoStop(new AutoStopSettings(true, Option.some(Duration.ofSeconds(7_200)), true));
        var failed = everythingFilled(InstanceStatus.START_FAILED).id(stopped.id())
                .description("then failed").updatedAt(later.plusSeconds(1)).failure(failedReason());
        var queued = everythingFilled(InstanceStatus.START_QUEUING).id(stopped.id())
                .description("").updatedAt(later.plusSeconds(2)).queuedSince(later.plusSeconds(2))
                .autoStop(AutoStopSettings.DISABLED)
                .idleStop(new IdleStopSettings(false, Option.some(Duration.ofSeconds(900))));
        var stoppedAgain = everythingFilled(InstanceStatus.STOPPED).id(stopped.id()).updatedAt(later.plusSeconds(3));

        long version = stopped.version();
        for (var next : List.of(running, failed, queued, stoppedAgain)) {
            Instance changed = next.version(version).build();
            Instance updated = update(changed);
            version = updated.version();

            assertThat(updated).isEqualTo(changed.atVersion(version));
            assertThat(store.find(PROJECT, stopped.id())).containsExactly(updated);
        }
    }

    // ---- optimistic updates ------------------------------------------------------------------------

    @Test
    void anUpdateStoresTheChangeAtTheNextVersion() {
        Instance read = insert(anInstance().build());

        Instance first = update(describedAs(read, "first change"));
        Instance second = update(describedAs(first, "second change"));

        assertThat(first.version()).isEqualTo(1);
        assertThat(second.version()).isEqualTo(2);
        assertThat(store.find(PROJECT, read.id())).containsExactly(describedAs(first, "second change").atVersion(2));
    }

    @Test
    void ofTwoUpdatesFromTheSameReadOnlyTheFirstWinsAndTheOtherChangesNothing() {
        Instance read = insert(anInstance().build());
        Instance winner = update(describedAs(read, "winner"));

        Either<StaleWrite, Instance> loser = store.update(describedAs(read, "loser"), USER_REQUEST);

        assertThat(loser.getLeft()).isEqualTo(new StaleWrite(read.id(), 0));
        assertThat(store.find(PROJECT, read.id())).containsExactly(winner);
    }

    @Test
    void anUpdateFromAnOlderVersionIsStaleEvenAfterSeveralWrites() {
        Instance read = insert(anInstance().build());
        Instance latest = update(describedAs(update(describedAs(read, "one")), "two"));

        Either<StaleWrite, Instance> stale = store.update(describedAs(read.atVersion(1), "from version one"), USER_REQUEST);

        assertThat(stale.getLeft()).isEqualTo(new StaleWrite(read.id(), 1));
        assertThat(store.find(PROJECT, read.id())).containsExactly(latest);
    }

    @Test
    void anUpdateOfAnInstanceNeverStoredIsStaleAndStoresNothing() {
        Instance neverStored = anInstance().build();

        assertThat(store.update(neverStored, USER_REQUEST).getLeft()).isEqualTo(new StaleWrite(neverStored.id(), 0));
        assertThat(store.find(PROJECT, neverStored.id())).isEmpty();
    }

    @Test
    void anInstanceOfAnotherProjectCannotBeUpdated() {
        Instance theirs = insert(anInstance().project(OTHER_PROJECT).build());
        Instance claimed = anInstance().id(theirs.id()).name(theirs.name().value()).description("hijacked").build();

        assertThat(store.update(claimed, USER_REQUEST).getLeft()).isEqualTo(new StaleWrite(theirs.id(), 0));
        assertThat(store.find(OTHER_PROJECT, theirs.id())).containsExactly(theirs);
        assertThat(store.find(PROJECT, theirs.id())).isEmpty();
    }

    @Test
    void concurrentUpdatesNeverLoseAnAcknowledgedWrite() throws Exception {
        int writesPerThread = 25;
        Instance counter = insert(anInstance().description("0").build());

        List<List<Long>> acknowledged = inParallel(() -> {
            var versions = new java.util.ArrayList<Long>();
            while (versions.size() < writesPerThread) {
                Instance read = store.find(PROJECT, counter.id()).get();
                int count = Integer.parseInt(read.description().value());
                store.update(describedAs(read, String.valueOf(count + 1)), USER_REQUEST)
                        .peek(written -> versions.add(written.version()));
            }
            return List.ofAll(versions);
        });

        int writes = THREADS * writesPerThread;
        assertThat(acknowledged.flatMap(versions -> versions))
                .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, writes).boxed().toList());
        Instance last = store.find(PROJECT, counter.id()).get();
        assertThat(last.version()).isEqualTo(writes);
        assertThat(last.description().value()).isEqualTo(String.valueOf(writes));
    }

    // ---- changes of settings, one writer at a time ---------------------------------------------------

    @Test
    void aChangeOfSettingsIsAppliedToTheStoredStateStoredAtTheNextVersionAndRecordsNoEvent() {
        Instance read = insert(anInstance().description("old").build());
        Instance described = update(describedAs(read, "between"));

        Either<DomainError, Instance> changed = store.modifySettings(PROJECT, read.id(), current -> {
            assertThat(current).as("the change is given the latest stored state").isEqualTo(described);
            return Either.right(describedAs(current, "new"));
        });

        assertThat(changed.map(Instance::version)).containsExactly(2L);
        assertThat(changed.map(instance -> instance.description().value())).containsExactly("new");
        assertThat(store.find(PROJECT, read.id())).containsExactly(changed.get());
        assertThat(store.events(PROJECT, read.id(), 0, 0).totalCount()).as("only the creation").isEqualTo(1);
    }

    @Test
    void aChangeOfSettingsThatAnswersAnErrorIsAnsweredAndStoresNothing() {
        Instance read = insert(anInstance().description("old").build());
        DomainError refusal = new DomainError.VersionMismatch(7, 0);

        assertThat(store.modifySettings(PROJECT, read.id(), current -> Either.left(refusal))).isEqualTo(Either.left(refusal));
        assertThat(store.find(PROJECT, read.id())).containsExactly(read);
        assertThat(update(describedAs(read, "after"))).as("the instance is not left locked").isNotNull();
    }

    @Test
    void aChangeOfSettingsOfAnUnknownDeletedOrOtherProjectsInstanceIsNotFoundAndNotAsked() {
        Instance theirs = insert(anInstance().project(OTHER_PROJECT).build());
        Instance deleted = update(insert(anInstance().name("deleted").build()).delete(CREATED_AT.plusSeconds(1)).get());
        InstanceId unknown = new InstanceId(UUID.randomUUID());

        for (InstanceId id : List.of(theirs.id(), deleted.id(), unknown)) {
            assertThat(store.modifySettings(PROJECT, id, current -> {
                throw new AssertionError("the change of a missing instance is not asked");
            })).isEqualTo(Either.left(new DomainError.InstanceNotFound(id.value())));
        }
        assertThat(store.find(OTHER_PROJECT, theirs.id())).containsExactly(theirs);
    }

    @Test
    void concurrentChangesOfSettingsAllSucceedEachOnTheLatestStateAndTheVersionCountsEveryWrite() throws Exception {
        int writesPerThread = 25;
        Instance counter = insert(anInstance().description("0").build());

        List<List<Instance>> acknowledged = inParallel(() -> List.fill(writesPerThread, () ->
                store.modifySettings(PROJECT, counter.id(), current -> Either.right(describedAs(current,
                        String.valueOf(Integer.parseInt(current.description().value()) + 1)))).get()));

        int writes = THREADS * writesPerThread;
        List<Instance> answers = acknowledged.flatMap(answersOfOneThread -> answersOfOneThread);
        assertThat(answers.map(Instance::version))
                .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, writes).boxed().toList());
        assertThat(answers).as("each write was applied to the state the one before it left")
                .allSatisfy(answer -> assertThat(answer.description().value()).isEqualTo(String.valueOf(answer.version())));
        Instance last = store.find(PROJECT, counter.id()).get();
        assertThat(last).as("the last write is what is stored").isEqualTo(answers.maxBy(Instance::version).get());
        assertThat(last.version()).isEqualTo(writes);
    }

    // ---- deleted instances -------------------------------------------------------------------------

    @Test
    void aDeletedInstanceKeepsNoSecret() {
        Instance withCredential = insert(everythingFilled(InstanceStatus.STOPPED).build());
        assertThat(withCredential.spec().credential()).isNotEmpty();

        Instance deleted = update(withCredential.delete(CREATED_AT.plusSeconds(1)).get());

        assertThat(deleted.spec().credential()).isEmpty();
        assertThat(store.find(PROJECT, withCredential.id())).isEmpty();
    }

    @Test
    void aDeletedInstanceIsNeitherFoundNorListedNorWrittenAgain() {
        Instance read = insert(anInstance().build());

        Instance deleted = update(read.delete(CREATED_AT.plusSeconds(1)).get());

        assertThat(deleted.status()).isEqualTo(InstanceStatus.DELETED);
        assertThat(deleted.version()).isEqualTo(1);
        assertThat(store.find(PROJECT, read.id())).isEmpty();
        assertThat(store.list(listing(PROJECT).build())).isEqualTo(new InstancePage(0, List.empty()));
        assertThat(store.list(listing(PROJECT).status(InstanceStatus.DELETED).build()).totalCount()).isZero();
        assertThat(store.update(describedAs(read, "too late"), USER_REQUEST).isLeft()).isTrue();
        assertThat(store.update(deleted, USER_REQUEST).isLeft()).isTrue();
        assertThat(store.find(PROJECT, read.id())).isEmpty();
    }

    // ---- capacity ----------------------------------------------------------------------------------

    @Test
    void instancesHoldingCapacityAreCountedPerFlavorAcrossProjects() {
        var free = SampleCatalog.FREE_CPU;
        var statuses = List.of(InstanceStatus.values()).remove(InstanceStatus.DELETED);
        statuses.zipWithIndex().forEach(statusAt -> insert(anInstance().flavor(free).status(statusAt._1)
                .project(statusAt._2 % 2 == 0 ? PROJECT : OTHER_PROJECT).build()));
        insert(anInstance().flavor(SampleCatalog.CPU).status(InstanceStatus.RUNNING).build());
        Instance toDelete = insert(anInstance().flavor(free).status(InstanceStatus.STOPPED).build());
        update(toDelete.delete(CREATED_AT.plusSeconds(1)).get());

        assertThat(store.countHoldingCapacity(free.name())).isEqualTo(statuses.count(InstanceStatus::holdsCapacity));
        assertThat(store.countHoldingCapacity(SampleCatalog.CPU.name())).isEqualTo(1);
        assertThat(store.countHoldingCapacity("no-such-flavor")).isZero();
    }

    // ---- lifecycle events --------------------------------------------------------------------------

    @Test
    void anInsertRecordsTheCreationAsAnEventFromNothing() {
        Instance created = insert(anInstance().status(InstanceStatus.CREATING).version(7).build());

        assertThat(store.events(PROJECT, created.id(), 0, 0)).isEqualTo(new EventPage(1, List.of(new LifecycleEvent(
                created.id(), Option.none(), InstanceStatus.CREATING, USER_REQUEST, CREATED_AT, 0))));
    }

    @Test
    void aChangeOfStatusRecordsItsEventWithItsCauseAtTheUpdateTimeAndTheNewVersion() {
        Instance running = insert(anInstance().runningUntil(CREATED_AT.plusSeconds(60)).build());
        Instant stoppedAt = CREATED_AT.plusSeconds(61);

        Instance stopping = update(running.stopForExpiredLease(stoppedAt).get(), TransitionCause.AUTO_STOP);

        assertThat(store.events(PROJECT, running.id(), 0, 1).events()).containsExactly(new LifecycleEvent(running.id(),
                Option.some(InstanceStatus.RUNNING), InstanceStatus.STOPPING, TransitionCause.AUTO_STOP, stoppedAt,
                stopping.version()));
    }

    @Test
    void aWriteThatKeepsTheStatusRecordsNoEvent() {
        Instance created = insert(anInstance().build());

        update(describedAs(created, "a new description"));

        assertThat(store.events(PROJECT, created.id(), 0, 0).totalCount()).isEqualTo(1);
    }

    @Test
    void aRenewalKeepsTheStatusAndRecordsItsEventAtTheNewVersion() {
        Instance running = insert(anInstance().runningUntil(CREATED_AT.plusSeconds(60)).build());
        Instant renewedAt = CREATED_AT.plusSeconds(30);

        Instance renewed = update(running.renewLease(3_600, LeaseRenewalPolicy.DEFAULT, renewedAt).get(),
                TransitionCause.LEASE_RENEWED);

        assertThat(store.find(PROJECT, running.id()).get().lease()).isEqualTo(renewed.lease());
        assertThat(store.events(PROJECT, running.id(), 0, 0).events()).containsExactly(
                new LifecycleEvent(running.id(), Option.some(InstanceStatus.RUNNING), InstanceStatus.RUNNING,
                        TransitionCause.LEASE_RENEWED, renewedAt, renewed.version()),
                new LifecycleEvent(running.id(), Option.none(), InstanceStatus.RUNNING, USER_REQUEST, CREATED_AT, 0));
    }

    @Test
    void anIdleWarningKeepsTheStatusAndRecordsItsEventAtTheNewVersionAndTheIdleStopItsOwn() {
        Instance running = insert(anInstance().status(InstanceStatus.RUNNING).runningSince(CREATED_AT)
                .idleStop(new IdleStopSettings(true, Option.some(Duration.ofSeconds(600)))).build());
        Instant warnedAt = CREATED_AT.plusSeconds(300);
        Instant stoppedAt = CREATED_AT.plusSeconds(600);

        var policy = new IdleStopPolicy(Duration.ofSeconds(60), Duration.ofSeconds(3_600), Duration.ZERO, Duration.ofSeconds(300));
        var nothingOpen = Option.some(new NotebookActivity(List.empty(), List.empty()));

        Instance warned = update(running.warnOfIdleStop(running.idleVerdict(nothingOpen, policy, warnedAt), warnedAt).get(),
                TransitionCause.IDLE_ENDING);
        Instance stopping = update(warned.stopForIdleness(warned.idleVerdict(nothingOpen, policy, stoppedAt), stoppedAt).get(),
                TransitionCause.IDLE);

        assertThat(store.find(PROJECT, running.id())).containsExactly(stopping);
        assertThat(stopping.runningSince()).isEmpty();
        assertThat(stopping.idleWarnedAt()).isEmpty();
        assertThat(store.events(PROJECT, running.id(), 0, 0).events()).containsExactly(
                new LifecycleEvent(running.id(), Option.some(InstanceStatus.RUNNING), InstanceStatus.STOPPING,
                        TransitionCause.IDLE, stoppedAt, 2),
                new LifecycleEvent(running.id(), Option.some(InstanceStatus.RUNNING), InstanceStatus.RUNNING,
                        TransitionCause.IDLE_ENDING, warnedAt, 1),
                new LifecycleEvent(running.id(), Option.none(), InstanceStatus.RUNNING, USER_REQUEST, CREATED_AT, 0));
    }

    @Test
    void aStaleWriteRecordsNoEvent() {
        Instance read = insert(anInstance().status(InstanceStatus.RUNNING).build());
        update(describedAs(read, "winner"));

        assertThat(store.update(read.stop(CREATED_AT.plusSeconds(1)).get(), USER_REQUEST).isLeft()).isTrue();

        assertThat(store.events(PROJECT, read.id(), 0, 0).events().map(LifecycleEvent::to)).containsExactly(InstanceStatus.RUNNING);
    }

    @Test
    void eventsAreListedNewestFirstPageByPageWithTheirTotal() {
        Instance stopped = insert(anInstance().build());
        Instance starting = update(stopped.start(true, CREATED_AT.plusSeconds(1)).get());
        Instance failed = update(starting.onRuntimeEvent(new RuntimeEvent.StartFailed(failedReason()), CREATED_AT.plusSeconds(2))
                .get(), TransitionCause.FAILURE);
        update(failed.start(true, CREATED_AT.plusSeconds(3)).get());

        EventPage all = store.events(PROJECT, stopped.id(), 0, 0);

        assertThat(all.totalCount()).isEqualTo(4);
        assertThat(all.events().map(event -> event.to() + " " + event.cause() + " v" + event.version())).containsExactly(
                "STARTING USER_REQUEST v3", "START_FAILED FAILURE v2", "STARTING USER_REQUEST v1", "STOPPED USER_REQUEST v0");
        assertThat(store.events(PROJECT, stopped.id(), 1, 2)).isEqualTo(new EventPage(4, all.events().drop(1).take(2)));
        assertThat(store.events(PROJECT, stopped.id(), 3, 0)).isEqualTo(new EventPage(4, all.events().drop(3)));
        assertThat(store.events(PROJECT, stopped.id(), 4, 2)).isEqualTo(new EventPage(4, List.empty()));
    }

    @Test
    void noEventsAreListedForAnInstanceOfAnotherProjectNorForAnUnknownOrDeletedOne() {
        Instance theirs = insert(anInstance().project(OTHER_PROJECT).build());
        Instance deleted = update(insert(anInstance().build()).delete(CREATED_AT.plusSeconds(1)).get());

        assertThat(store.events(PROJECT, theirs.id(), 0, 0)).isEqualTo(new EventPage(0, List.empty()));
        assertThat(store.events(OTHER_PROJECT, theirs.id(), 0, 0).totalCount()).isEqualTo(1);
        assertThat(store.events(PROJECT, new InstanceId(UUID.randomUUID()), 0, 0)).isEqualTo(new EventPage(0, List.empty()));
        assertThat(store.events(PROJECT, deleted.id(), 0, 0)).isEqualTo(new EventPage(0, List.empty()));
    }

    // ---- listing -----------------------------------------------------------------------------------

    @Test
    void aListingHoldsOnlyTheLiveInstancesOfItsProject() {
        Instance first = insert(anInstance().name("a-first").build());
        Instance second = insert(anInstance().name("b-second").build());
        insert(anInstance().name("c-theirs").project(OTHER_PROJECT).build());
        update(insert(anInstance().name("d-deleted").build()).delete(CREATED_AT.plusSeconds(1)).get());

        assertThat(store.list(listing(PROJECT).build())).isEqualTo(new InstancePage(2, List.of(first, second)));
    }

    @Test
    void aListingFiltersByStatus() {
        insert(anInstance().name("running").status(InstanceStatus.RUNNING).build());
        insert(anInstance().name("stopped-1").build());
        insert(anInstance().name("stopped-2").build());

        InstancePage stopped = store.list(listing(PROJECT).status(InstanceStatus.STOPPED).build());

        assertThat(stopped.totalCount()).isEqualTo(2);
        assertThat(names(stopped)).containsExactly("stopped-1", "stopped-2");
    }

    @Test
    void aListingFiltersByWorkspace() {
        insert(anInstance().name("in-default").build());
        insert(anInstance().name("in-other").workspace("ws-1").build());

        assertThat(names(store.list(listing(PROJECT).build()))).containsExactly("in-default");
        assertThat(names(store.list(listing(PROJECT).workspace("ws-1").build()))).containsExactly("in-other");
    }

    @Test
    void aListingFiltersByAiProjectPoolAndOwnerTogether() {
        insert(anInstance().name("plain").build());
        insert(anInstance().name("in-ai-project").aiProject("ai-1").build());
        insert(anInstance().name("in-pool").pool(new Pool(new PoolId("pool-1"), "pool one", PROJECT)).build());
        insert(anInstance().name("bobs").owner(new UserRef("user-2", "bob")).build());
        insert(anInstance().name("bobs-in-pool").owner(new UserRef("user-2", "bob"))
                .pool(new Pool(new PoolId("pool-1"), "pool one", PROJECT)).build());

        assertThat(names(store.list(listing(PROJECT).aiProject("ai-1").build()))).containsExactly("in-ai-project");
        assertThat(names(store.list(listing(PROJECT).pool("pool-1").build()))).containsExactly("bobs-in-pool", "in-pool");
        assertThat(names(store.list(listing(PROJECT).owner("user-2").build()))).containsExactly("bobs", "bobs-in-pool");
        assertThat(names(store.list(listing(PROJECT).owner("user-2").pool("pool-1").build()))).containsExactly("bobs-in-pool");
        assertThat(names(store.list(listing(PROJECT).owner("user-2").aiProject("ai-1").build()))).isEmpty();
    }

    @Test
    void namesSortByCodePointInBothDirections() {
        List<String> codePointOrder = List.of("-dash", "9lives", "Alpha", "_under", "alpha", "beta");
        codePointOrder.reverse().forEach(name -> insert(anInstance().name(name).build()));

        assertThat(names(store.list(listing(PROJECT).sortedBy(Key.NAME, Direction.ASC).build())))
                .containsExactlyElementsOf(codePointOrder);
        assertThat(names(store.list(listing(PROJECT).sortedBy(Key.NAME, Direction.DESC).build())))
                .containsExactlyElementsOf(codePointOrder.reverse());
    }

    @Test
    void creationTimesSortInBothDirectionsWithTiesBrokenById() {
        Instant later = CREATED_AT.plusMillis(1);
        insert(anInstance().name("tie-high").createdAt(later).id(idOf("f0000000-0000-0000-0000-000000000000")).build());
        insert(anInstance().name("earliest").createdAt(CREATED_AT).build());
        insert(anInstance().name("tie-low").createdAt(later).id(idOf("10000000-0000-0000-0000-000000000000")).build());

        assertThat(names(store.list(listing(PROJECT).sortedBy(Key.CREATION_TIMESTAMP, Direction.ASC).build())))
                .containsExactly("earliest", "tie-low", "tie-high");
        assertThat(names(store.list(listing(PROJECT).sortedBy(Key.CREATION_TIMESTAMP, Direction.DESC).build())))
                .containsExactly("tie-high", "tie-low", "earliest");
    }

    @Test
    void aPageCountsEveryMatchNotJustItself() {
        List.rangeClosed(1, 5).forEach(n -> insert(anInstance().name("n" + n).build()));

        assertThat(store.list(listing(PROJECT).page(1, 2).build()).totalCount()).isEqualTo(5);
        assertThat(names(store.list(listing(PROJECT).page(1, 2).build()))).containsExactly("n2", "n3");
        assertThat(names(store.list(listing(PROJECT).page(4, 2).build()))).containsExactly("n5");
        assertThat(store.list(listing(PROJECT).page(5, 2).build())).isEqualTo(new InstancePage(5, List.empty()));
        assertThat(names(store.list(listing(PROJECT).page(2, 0).build()))).containsExactly("n3", "n4", "n5");
    }

    @Test
    void pagesOfInstancesCreatedAtTheSameMomentNeitherOverlapNorSkip() {
        List<Instance> all = List.rangeClosed(1, 7).map(n -> insert(anInstance().build()));

        List<Instance> paged = List.of(0, 3, 6).flatMap(offset -> store.list(listing(PROJECT)
                .sortedBy(Key.CREATION_TIMESTAMP, Direction.DESC).page(offset, 3).build()).instances());

        assertThat(paged).containsExactlyInAnyOrderElementsOf(all);
        assertThat(paged).isEqualTo(store.list(listing(PROJECT).sortedBy(Key.CREATION_TIMESTAMP, Direction.DESC)
                .build()).instances());
    }

    // ---- helpers -----------------------------------------------------------------------------------

    private Instance insert(Instance instance) {
        Either<DomainError, Instance> inserted = store.insert(instance);
        assertThat(inserted.isRight()).as("insert of %s: %s", instance.name(), inserted).isTrue();
        return inserted.get();
    }

    private Instance update(Instance changed) {
        return update(changed, USER_REQUEST);
    }

    private Instance update(Instance changed, TransitionCause cause) {
        Either<StaleWrite, Instance> updated = store.update(changed, cause);
        assertThat(updated.isRight()).as("update of %s: %s", changed.name(), updated).isTrue();
        return updated.get();
    }

    private void assertRoundTrip(Instance instance) {
        Instance inserted = insert(instance);

        assertThat(inserted).isEqualTo(instance.atVersion(0));
        assertThat(store.find(PROJECT, instance.id())).containsExactly(inserted);
        assertThat(store.list(listing(instance.projectId()).workspace(instance.workspaceId().value()).build()).instances())
                .containsExactly(inserted);
    }

    private static Instance describedAs(Instance read, String description) {
        return read.modify(Option.some(new Description(description)), AutoStopChange.NONE, AutoStopPolicy.DEFAULT,
                read.updatedAt().plusMillis(1)).get();
    }

    private static List<String> names(InstancePage page) {
        return page.instances().map(instance -> instance.name().value());
    }

    private static InstanceId idOf(String uuid) {
        return new InstanceId(UUID.fromString(uuid));
    }

    /** Runs {@code task} on {@link #THREADS} threads released together, and answers what each returned. */
    private static <T> List<T> inParallel(Callable<T> task) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<T>> results = List.fill(THREADS, () -> threads.submit(() -> {
                go.await();
                return task.call();
            }));
            go.countDown();
            var outcomes = new java.util.ArrayList<T>();
            for (Future<T> result : results) {
                outcomes.add(result.get(1, TimeUnit.MINUTES));
            }
            return List.ofAll(outcomes);
        } finally {
            threads.shutdownNow();
        }
    }
}
