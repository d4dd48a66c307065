package io.demanager.testkit.contract;

import io.demanager.application.port.out.ActiveInstances;
import io.demanager.application.port.out.DueLeases;
import io.demanager.application.port.out.DueLeases.AutoStopped;
import io.demanager.application.port.out.InstanceEvents;
import io.demanager.application.port.out.InstanceStore;
import io.demanager.application.port.out.InstancesInStatus;
import io.demanager.application.port.out.QueuedInstances;
import io.demanager.domain.autostop.AutoStopSettings;
import io.demanager.domain.autostop.LeaseRenewalPolicy;
import io.demanager.domain.error.DomainError;
import io.demanager.domain.idle.IdleStopSettings;
import io.demanager.domain.instance.Instance;
import io.demanager.domain.instance.InstanceId;
import io.demanager.domain.instance.InstanceStatus;
import io.demanager.domain.instance.LifecycleEvent;
import io.demanager.domain.instance.RuntimeEvent;
import io.demanager.domain.instance.TransitionCause;
import io.demanager.testkit.SampleCatalog;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.demanager.testkit.StoreFixtures.CREATED_AT;
import static io.demanager.testkit.StoreFixtures.EVERYTHING_FLAVOR;
import static io.demanager.testkit.StoreFixtures.OTHER_PROJECT;
import static io.demanager.testkit.StoreFixtures.PROJECT;
import static io.demanager.testkit.StoreFixtures.anInstance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a store must do for the work that runs in the background, across every project: the auto-stop engine's due
 * leases ({@link DueLeases}), the free flavors' queues ({@link QueuedInstances}) and places ({@link ActiveInstances}),
 * and the instances that wait for the
 * runtime ({@link InstancesInStatus}). A store's test implements this beside extending {@link InstanceStoreContract}.
 * <p>
 * Leases are due by the store's own clock (the database's, for PostgreSQL), which the tests do not control: they
 * place leases hours before or after the present, so that no clock a store may read can disagree with them.
 */
public interface EngineQueriesContract<S extends InstanceStore & InstanceEvents & DueLeases & QueuedInstances & InstancesInStatus
        & ActiveInstances> {

    Duration HOUR = Duration.ofHours(1);

    /** The store under test, empty at the start of each test. */
    S store();

    // ---- due leases ------------------------------------------------------------------------------

    @Test
    default void dueLeasesOfEveryProjectAreStoppedThoseThatEndedFirstFirstAndAtMostTheLimitAtATime() {
        Instant present = present();
        Instance first = insert(anInstance().runningUntil(present.minus(HOUR.multipliedBy(3))).build());
        Instance second = insert(anInstance().project(OTHER_PROJECT).runningUntil(present.minus(HOUR.multipliedBy(2))).build());
        Instance third = insert(anInstance().runningUntil(present.minus(HOUR)).build());
        Instance notDue = insert(anInstance().runningUntil(present.plus(HOUR)).build());
        Instance withoutLease = insert(anInstance().status(InstanceStatus.RUNNING).build());
        Instance stopped = insert(anInstance().build());

        List<AutoStopped> batch = store().stopDue(2, Instance::stopForExpiredLease);

        assertThat(batch.map(autoStopped -> autoStopped.stopped().id())).containsExactly(first.id(), second.id());
        assertThat(batch.map(AutoStopped::leaseEnd)).containsExactly(leaseEnd(first), leaseEnd(second));
        batch.forEach(autoStopped -> assertStoppedByTheEngine(autoStopped.stopped(), leaseEnd(third), leaseEnd(notDue)));
        assertThat(store().stopDue(10, Instance::stopForExpiredLease).map(autoStopped -> autoStopped.stopped().id()))
                .containsExactly(third.id());
        assertThat(store().stopDue(10, Instance::stopForExpiredLease)).isEmpty();
        for (Instance untouched : List.of(notDue, withoutLease, stopped)) {
            assertThat(store().find(PROJECT, untouched.id())).containsExactly(untouched);
        }
    }

    @Test
    default void anInstanceTheStopRuleRefusesIsLeftAsItIs() {
        Instance due = insert(anInstance().runningUntil(present().minus(HOUR)).build());

        List<AutoStopped> batch = store().stopDue(10, (running, now) ->
                Either.left(new DomainError.OperationNotAllowed(running.status().name(), "auto stop")));

        assertThat(batch).isEmpty();
        assertThat(store().find(PROJECT, due.id())).containsExactly(due);
        assertThat(store().events(PROJECT, due.id(), 0, 0).totalCount()).isEqualTo(1);
    }

    @Test
    default void aBatchIsOneTransactionSoAFailureInTheMiddleStoresNoneOfItAndLeavesNothingClaimed() {
        Instant present = present();
        Instance first = insert(anInstance().runningUntil(present.minus(HOUR.multipliedBy(2))).build());
        Instance second = insert(anInstance().runningUntil(present.minus(HOUR)).build());
        AtomicInteger stops = new AtomicInteger();

        assertThatThrownBy(() -> store().stopDue(10, (running, now) -> {
            if (stops.incrementAndGet() == 2) {
                throw new IllegalStateException("the engine died in the middle of a batch");
            }
            return running.stopForExpiredLease(now);
        })).hasStackTraceContaining("the engine died in the middle of a batch");

        assertThat(store().find(PROJECT, first.id())).containsExactly(first);
        assertThat(store().find(PROJECT, second.id())).containsExactly(second);
        assertThat(store().stopDue(10, Instance::stopForExpiredLease)).hasSize(2);
    }

    @Test
    default void enginesRunningAtOnceStopEachDueInstanceExactlyOnce() throws Exception {
        int engines = 4;
        Instant present = present();
        List<Instance> due = List.range(0, 40).map(n -> insert(anInstance()
                .project(n % 2 == 0 ? PROJECT : OTHER_PROJECT).runningUntil(present.minusSeconds(60 + n)).build()));

        ExecutorService threads = Executors.newFixedThreadPool(engines);
        try {
            List<Future<List<InstanceId>>> stoppedByEach = List.fill(engines, () -> threads.submit(() -> {
                List<InstanceId> stopped = List.empty();
                List<AutoStopped> batch;
                do {
                    batch = store().stopDue(3, Instance::stopForExpiredLease);
                    stopped = stopped.appendAll(batch.map(autoStopped -> autoStopped.stopped().id()));
                } while (!batch.isEmpty());
                return stopped;
            }));
            List<InstanceId> stopped = List.empty();
            for (Future<List<InstanceId>> each : stoppedByEach) {
                stopped = stopped.appendAll(each.get(1, TimeUnit.MINUTES));
            }

            assertThat(stopped).containsExactlyInAnyOrderElementsOf(due.map(Instance::id));
            due.forEach(instance -> assertThat(store().events(instance.projectId(), instance.id(), 0, 0).events()
                    .count(event -> event.cause() == TransitionCause.AUTO_STOP)).isEqualTo(1));
        } finally {
            threads.shutdownNow();
        }
    }

    // ---- free flavors' queues --------------------------------------------------------------------

    @Test
    default void aFlavorsQueueHoldsItsQueuedInstancesOfEveryProjectThoseThatJoinedFirstFirst() {
        var free = SampleCatalog.FREE_CPU;
        Instance second = insert(anInstance().flavor(free).project(OTHER_PROJECT).status(InstanceStatus.CREATE_QUEUING)
                .queuedSince(CREATED_AT.plusSeconds(2)).id(idOf("20000000-0000-0000-0000-000000000000")).build());
        Instance first = insert(anInstance().flavor(free).status(InstanceStatus.START_QUEUING)
                .queuedSince(CREATED_AT.plusSeconds(1)).build());
        Instance tiedWithSecond = insert(anInstance().flavor(free).status(InstanceStatus.CREATE_QUEUING)
                .queuedSince(CREATED_AT.plusSeconds(2)).id(idOf("f0000000-0000-0000-0000-000000000000")).build());
        insert(anInstance().flavor(EVERYTHING_FLAVOR).status(InstanceStatus.CREATE_QUEUING).build());
        insert(anInstance().flavor(free).status(InstanceStatus.RUNNING).build());
        insert(anInstance().flavor(free).status(InstanceStatus.STOPPED).build());

        assertThat(store().oldestQueued(free.name(), 2)).containsExactly(first, second);
        assertThat(store().oldestQueued(free.name(), 10)).containsExactly(first, second, tiedWithSecond);
        assertThat(store().oldestQueued("no-such-flavor", 10)).isEmpty();
        assertThat(List.of(first, second, tiedWithSecond).map(queued -> store().rank(queued))).containsExactly(1L, 2L, 3L);
    }

    @Test
    default void aFlavorsQueueStateHasTheLeaseEndOfEachPlaceTakenAndTheNumberQueued() {
        var free = SampleCatalog.FREE_CPU;
        Instant leaseEnd = CREATED_AT.plus(HOUR);
        insert(anInstance().flavor(free).runningUntil(leaseEnd).build());
        insert(anInstance().flavor(free).project(OTHER_PROJECT).status(InstanceStatus.CREATING).build());
        insert(anInstance().flavor(free).status(InstanceStatus.CREATE_QUEUING).build());
        insert(anInstance().flavor(free).status(InstanceStatus.STOPPED).build());
        insert(anInstance().flavor(EVERYTHING_FLAVOR).status(InstanceStatus.RUNNING).build());

        QueuedInstances.QueueState state = store().state(free.name());

        assertThat(state.placesFreeAt()).containsExactlyInAnyOrder(Option.some(leaseEnd), Option.none());
        assertThat(state.queued()).isEqualTo(1);
    }

    @Test
    default void anAdmissionDecidesOnThePlacesTakenAndQueuedAndWritesWhatItDecided() {
        var free = SampleCatalog.FREE_CPU;
        insert(anInstance().flavor(free).status(InstanceStatus.RUNNING).build());
        insert(anInstance().flavor(free).project(OTHER_PROJECT).status(InstanceStatus.START_QUEUING).build());
        Instance stopped = insert(anInstance().flavor(free).build());
        java.util.List<ActiveInstances.Places> seen = new java.util.ArrayList<>();

        Instance created = store().insertAdmitting(free.name(), places -> {
            seen.add(places);
            return Either.right(anInstance().flavor(free).status(InstanceStatus.CREATE_QUEUING).build());
        }).get();
        var started = store().updateAdmitting(free.name(), places -> {
            seen.add(places);
            return stopped.start(false, CREATED_AT);
        }, TransitionCause.USER_REQUEST).get();
        var refused = store().insertAdmitting(free.name(), places -> Either.left(new DomainError.FlavorSoldOut(free.name())));

        assertThat(seen).containsExactly(new ActiveInstances.Places(1, 1), new ActiveInstances.Places(1, 2));
        assertThat(store().find(PROJECT, created.id())).containsExactly(created);
        assertThat(started.get().status()).isEqualTo(InstanceStatus.START_QUEUING);
        assertThat(store().find(PROJECT, stopped.id()).map(Instance::status)).containsExactly(InstanceStatus.START_QUEUING);
        assertThat(refused.getLeft()).isEqualTo(new DomainError.FlavorSoldOut(free.name()));
        assertThat(store().updateAdmitting(free.name(), places -> Either.right(stopped), TransitionCause.USER_REQUEST).get().isLeft())
                .as("a transition of a version that is gone").isTrue();
    }

    @Test
    default void theOldestQueuedInstanceIsAdmittedOnlyWhileFewerThanTheCapacityHoldAPlace() {
        var free = SampleCatalog.FREE_CPU;
        insert(anInstance().flavor(free).status(InstanceStatus.RUNNING).build());
        Instance first = insert(anInstance().flavor(free).status(InstanceStatus.CREATE_QUEUING)
                .queuedSince(CREATED_AT.plusSeconds(1)).build());
        Instance second = insert(anInstance().flavor(free).project(OTHER_PROJECT).status(InstanceStatus.START_QUEUING)
                .queuedSince(CREATED_AT.plusSeconds(2)).build());

        var admitted = store().admitOldest(free.name(), 2,
                queued -> queued.onRuntimeEvent(new RuntimeEvent.CapacityFreed(), CREATED_AT), TransitionCause.RUNTIME_PROGRESS);

        assertThat(admitted.map(Instance::id)).containsExactly(first.id());
        assertThat(store().find(PROJECT, first.id()).map(Instance::status)).containsExactly(InstanceStatus.CREATING);
        assertThat(store().admitOldest(free.name(), 2, queued -> queued.onRuntimeEvent(new RuntimeEvent.CapacityFreed(), CREATED_AT),
                TransitionCause.RUNTIME_PROGRESS)).isEmpty();
        assertThat(store().find(OTHER_PROJECT, second.id())).containsExactly(second);
    }

    // ---- instances in some statuses ----------------------------------------------------------------

    @Test
    default void instancesInSomeStatusesAreReadPageByPageInTheOrderOfTheirIdsTextAcrossProjects() {
        List<String> idsInTextOrder = List.of("0a000000-0000-0000-0000-000000000000", "10000000-0000-0000-0000-000000000000",
                "80000000-0000-0000-0000-000000000000", "f0000000-0000-0000-0000-000000000000");
        List<Instance> waiting = idsInTextOrder.reverse().zipWithIndex().map(idAt -> insert(anInstance().id(idOf(idAt._1))
                .project(idAt._2 % 2 == 0 ? PROJECT : OTHER_PROJECT)
                .status(idAt._2 % 2 == 0 ? InstanceStatus.CREATING : InstanceStatus.STOPPING).build())).reverse();
        insert(anInstance().status(InstanceStatus.RUNNING).build());
        insert(anInstance().status(InstanceStatus.STOPPED).build());
        var statuses = HashSet.of(InstanceStatus.CREATING, InstanceStatus.STOPPING);

        List<Instance> firstPage = store().inStatus(statuses, Option.none(), 3);
        List<Instance> secondPage = store().inStatus(statuses, firstPage.lastOption().map(Instance::id), 3);

        assertThat(firstPage).containsExactlyElementsOf(waiting.take(3));
        assertThat(secondPage).containsExactlyElementsOf(waiting.drop(3));
        assertThat(store().inStatus(statuses, secondPage.lastOption().map(Instance::id), 3)).isEmpty();
        assertThat(store().inStatus(HashSet.of(InstanceStatus.STOPPING), Option.none(), 10))
                .containsExactlyElementsOf(waiting.filter(instance -> instance.status() == InstanceStatus.STOPPING));
    }

    @Test
    default void runningInstancesWithIdleStopAreReadPageByPageInTheOrderOfTheirIdsAcrossProjects() {
        var enabled = new IdleStopSettings(true, Option.some(Duration.ofSeconds(600)));
        List<Instance> candidates = List.of("0a000000-0000-0000-0000-000000000000", "10000000-0000-0000-0000-000000000000",
                "f0000000-0000-0000-0000-000000000000").zipWithIndex().map(idAt -> insert(anInstance().id(idOf(idAt._1))
                .project(idAt._2 == 1 ? OTHER_PROJECT : PROJECT).status(InstanceStatus.RUNNING).idleStop(enabled).build()));
        insert(anInstance().status(InstanceStatus.RUNNING).build());
        insert(anInstance().status(InstanceStatus.RUNNING).idleStop(new IdleStopSettings(false, Option.some(Duration.ofSeconds(600))))
                .build());
        insert(anInstance().status(InstanceStatus.STOPPED).idleStop(enabled).build());

        List<Instance> firstPage = store().runningWithIdleStop(Option.none(), 2);
        List<Instance> secondPage = store().runningWithIdleStop(firstPage.lastOption().map(Instance::id), 2);

        assertThat(firstPage).containsExactlyElementsOf(candidates.take(2));
        assertThat(secondPage).containsExactlyElementsOf(candidates.drop(2));
        assertThat(store().runningWithIdleStop(secondPage.lastOption().map(Instance::id), 2)).isEmpty();
    }

    @Test
    default void theLiveInstancesAmongSomeIdsAreThoseStoredAndNotDeletedInAnyProject() {
        Instance stopped = insert(anInstance().build());
        Instance elsewhere = insert(anInstance().project(OTHER_PROJECT).status(InstanceStatus.RUNNING).build());
        Instance deleted = insert(anInstance().build());
        store().update(deleted.delete(CREATED_AT.plusSeconds(1)).get(), TransitionCause.USER_REQUEST).get();
        InstanceId neverStored = new InstanceId(UUID.randomUUID());

        assertThat(store().liveAmong(HashSet.of(stopped.id(), elsewhere.id(), deleted.id(), neverStored)))
                .containsExactlyInAnyOrder(stopped.id(), elsewhere.id());
        assertThat(store().liveAmong(HashSet.empty())).isEmpty();
    }

    // ---- helpers -----------------------------------------------------------------------------------

    /** The present, to the millisecond, as the API writes time. */
    // ---- when the engine wakes, and the warnings --------------------------------------------------

    @Test
    default void theNextLeaseEndIsCountedFromTheStoresPresentAndThereIsNoneWithoutALease() {
        assertThat(store().untilNextLeaseEnd()).isEmpty();
        insert(anInstance().status(InstanceStatus.RUNNING).build());
        assertThat(store().untilNextLeaseEnd()).isEmpty();

        insert(anInstance().runningUntil(present().plus(HOUR.multipliedBy(2))).build());
        insert(anInstance().project(OTHER_PROJECT).runningUntil(present().plus(HOUR)).build());

        assertThat(store().untilNextLeaseEnd().get()).isBetween(HOUR.minusMinutes(5), HOUR);
        insert(anInstance().runningUntil(present().minus(HOUR)).build());
        assertThat(store().untilNextLeaseEnd().get()).isNegative();
    }

    @Test
    default void aLeaseEndingWithinTheWarningTimeIsWarnedAboutOnceWhenItsInstanceAskedForIt() {
        Duration before = Duration.ofMinutes(10);
        Instant present = present();
        Instance soon = insert(anInstance().runningUntil(present.plus(Duration.ofMinutes(5))).build());
        Instance later = insert(anInstance().project(OTHER_PROJECT).runningUntil(present.plus(HOUR)).build());
        insert(anInstance().autoStop(new AutoStopSettings(true, Option.some(HOUR), false))
                .runningUntil(present.plus(Duration.ofMinutes(5))).build());
        insert(anInstance().runningUntil(present.minus(HOUR)).build());

        List<LifecycleEvent> warnings = store().warnEnding(10, before);

        assertThat(warnings).hasSize(1);
        LifecycleEvent warning = warnings.head();
        assertThat(warning.instanceId()).isEqualTo(soon.id());
        assertThat(warning.from()).contains(InstanceStatus.RUNNING);
        assertThat(warning.to()).isEqualTo(InstanceStatus.RUNNING);
        assertThat(warning.cause()).isEqualTo(TransitionCause.LEASE_ENDING);
        assertThat(warning.version()).isEqualTo(soon.version());
        assertThat(warning.at()).isBetween(present.minusSeconds(60), present.plusSeconds(60));
        assertThat(store().events(PROJECT, soon.id(), 0, 1).events()).containsExactly(warning);
        assertThat(store().find(PROJECT, soon.id())).containsExactly(soon);
        assertThat(store().warnEnding(10, before)).as("once per lease").isEmpty();
        assertThat(store().untilNextWarning(before).get())
                .as("the later lease's warning").isBetween(HOUR.minus(before).minusMinutes(5), HOUR.minus(before));
        assertThat(store().warnEnding(10, HOUR.plusMinutes(1)).map(LifecycleEvent::instanceId)).containsExactly(later.id());
        assertThat(store().untilNextWarning(HOUR.plusMinutes(1))).isEmpty();
    }

    @Test
    default void aRenewedLeaseIsWarnedAboutAgain() {
        Duration before = Duration.ofMinutes(10);
        Instant present = present();
        Instance running = insert(anInstance().runningUntil(present.plus(Duration.ofMinutes(5))).build());
        assertThat(store().warnEnding(10, before)).hasSize(1);

        Instance renewed = store().update(running.renewLease(3_600, LeaseRenewalPolicy.DEFAULT, present).get(),
                TransitionCause.LEASE_RENEWED).get();

        assertThat(store().warnEnding(10, before)).isEmpty();
        assertThat(store().warnEnding(10, HOUR).map(LifecycleEvent::version)).containsExactly(renewed.version());
        assertThat(store().events(PROJECT, running.id(), 0, 0).events().map(LifecycleEvent::cause)).containsExactly(
                TransitionCause.LEASE_ENDING, TransitionCause.LEASE_RENEWED, TransitionCause.LEASE_ENDING,
                TransitionCause.USER_REQUEST);
    }

    private static Instant present() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private Instance insert(Instance instance) {
        Either<DomainError, Instance> inserted = store().insert(instance);
        assertThat(inserted.isRight()).as("insert of %s: %s", instance.name(), inserted).isTrue();
        return inserted.get();
    }

    /**
     * Stopped as a user's stop would, stored at the next version with its auto-stop event, at a time that the store's
     * clock read: after every lease the test made due and before every lease it did not.
     */
    private void assertStoppedByTheEngine(Instance stopped, Instant lastDueLeaseEnd, Instant firstLeaseNotDue) {
        assertThat(stopped.status()).isEqualTo(InstanceStatus.STOPPING);
        assertThat(stopped.lease()).isEmpty();
        assertThat(stopped.version()).isEqualTo(1);
        assertThat(stopped.updatedAt()).isAfter(lastDueLeaseEnd).isBefore(firstLeaseNotDue);
        assertThat(store().find(stopped.projectId(), stopped.id())).containsExactly(stopped);
        assertThat(store().events(stopped.projectId(), stopped.id(), 0, 1).events()).containsExactly(new LifecycleEvent(
                stopped.id(), Option.some(InstanceStatus.RUNNING), InstanceStatus.STOPPING, TransitionCause.AUTO_STOP,
                stopped.updatedAt(), 1));
    }

    private static Instant leaseEnd(Instance running) {
        return running.lease().get().stopAt();
    }

    private static InstanceId idOf(String uuid) {
        return new InstanceId(UUID.fromString(uuid));
    }
}
