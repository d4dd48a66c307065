package io.demanager.testkit.contract;

import io.demanager.application.port.out.EventFeed;
import io.demanager.application.port.out.ExpiredRetentions;
import io.demanager.application.port.out.ExpiredRetentions.Expired;
import io.demanager.application.port.out.InstanceStore;
import io.demanager.domain.catalog.Flavor;
import io.demanager.domain.error.DomainError;
import io.demanager.domain.instance.Instance;
import io.demanager.domain.instance.InstanceId;
import io.demanager.domain.instance.InstanceStatus;
import io.demanager.domain.instance.LifecycleEvent;
import io.demanager.domain.instance.NumberedEvent;
import io.demanager.domain.instance.ProjectId;
import io.demanager.domain.instance.RuntimeEvent;
import io.demanager.domain.instance.TransitionCause;
import io.demanager.testkit.InstanceBuilder;
import io.demanager.testkit.SampleCatalog;
import io.demanager.testkit.TestNotebooks;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.demanager.testkit.StoreFixtures.OTHER_PROJECT;
import static io.demanager.testkit.StoreFixtures.PROJECT;
import static io.demanager.testkit.StoreFixtures.anInstance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a store must do for the retention engine ({@link ExpiredRetentions}): find, across every project, the inactive
 * instances of free flavors kept longer than their flavor's store time, and delete each once, with its event. A
 * store's test implements this beside extending {@link InstanceStoreContract}.
 * <p>
 * Retentions end by the store's own clock (the database's, for PostgreSQL), which the tests do not control: they place
 * ends hours before or after the present, so that no clock a store may read can disagree with them.
 */
public interface RetentionContract<S extends InstanceStore & ExpiredRetentions & EventFeed> {

    Duration HOUR = Duration.ofHours(1);

    /** A free flavor whose store time is -1: its instances are kept for ever. */
    Flavor FREE_KEPT_FOR_EVER = new Flavor("modelarts.vm.cpu.free.kept", SampleCatalog.FREE_CPU.type(),
            SampleCatalog.FREE_CPU.promoType(), SampleCatalog.FREE_CPU.saleStatus(), SampleCatalog.FREE_CPU.storageTypes(),
            SampleCatalog.FREE_CPU.params(), SampleCatalog.FREE_CPU.autoStopDuration(), -1, Option.none(), Option.none());

    /** The store under test, empty at the start of each test. */
    S store();

    @Test
    default void endedRetentionsOfEveryProjectAreDeletedThoseThatEndedFirstFirstAndAtMostTheLimitAtATime() {
        Instant present = present();
        EventFeed.Position before = store().newest();
        Instance first = insert(inactive(InstanceStatus.STOPPED, present.minus(HOUR.multipliedBy(3))).build());
        Instance second = insert(inactive(InstanceStatus.START_FAILED, present.minus(HOUR.multipliedBy(2)))
                .project(OTHER_PROJECT).build());
        Instance third = insert(inactive(InstanceStatus.UNAVAILABLE, present.minus(HOUR)).build());
        Instance notYet = insert(inactive(InstanceStatus.STOPPED, present.plus(HOUR)).build());
        Instance paid = insert(anInstance().flavor(SampleCatalog.CPU).inactiveSince(present.minus(HOUR.multipliedBy(1000))).build());
        Instance keptForEver = insert(anInstance().flavor(FREE_KEPT_FOR_EVER)
                .inactiveSince(present.minus(HOUR.multipliedBy(1000))).build());
        Instance running = insert(anInstance().flavor(SampleCatalog.FREE_CPU).status(InstanceStatus.RUNNING).build());

        List<Expired> batch = store().deleteExpired(2, Instance::deleteForRetention);
        List<Expired> rest = store().deleteExpired(10, Instance::deleteForRetention);

        assertThat(batch.map(expired -> expired.deleted().id())).containsExactly(first.id(), second.id());
        assertThat(batch.map(Expired::before)).containsExactly(InstanceStatus.STOPPED, InstanceStatus.START_FAILED);
        assertThat(rest.map(expired -> expired.deleted().id())).containsExactly(third.id());
        batch.appendAll(rest).forEach(expired -> assertDeletedByTheEngine(expired.deleted(), retentionEnd(third),
                retentionEnd(notYet)));
        assertThat(store().deleteExpired(10, Instance::deleteForRetention)).isEmpty();
        for (Instance kept : List.of(notYet, paid, keptForEver, running)) {
            assertThat(store().find(kept.projectId(), kept.id())).containsExactly(kept);
        }
        assertThat(retentionEvents(before, PROJECT)).containsExactly(eventOf(batch.head()), eventOf(rest.head()));
        assertThat(retentionEvents(before, OTHER_PROJECT)).containsExactly(eventOf(batch.last()));
    }

    @Test
    default void anInstanceStartedAgainBeforeItsRetentionEndsIsKeptAndStoppedAgainItsRetentionCountsAnew() {
        Instant present = present();
        Instance stopped = insert(inactive(InstanceStatus.STOPPED, present.minus(HOUR)).build());
        Instance starting = store().update(stopped.start(true, present.minus(HOUR.multipliedBy(2))).get(),
                TransitionCause.USER_REQUEST).get();

        assertThat(store().deleteExpired(10, Instance::deleteForRetention)).isEmpty();

        Instance stoppedAgain = store().update(starting.onRuntimeEvent(new RuntimeEvent.Started(TestNotebooks.ACCESS), present)
                .flatMap(running -> running.stop(present))
                .flatMap(stopping -> stopping.onRuntimeEvent(new RuntimeEvent.Stopped(), present)).get(),
                TransitionCause.RUNTIME_PROGRESS).get();

        assertThat(stoppedAgain.retentionEnd()).containsExactly(present.plus(SampleCatalog.FREE_CPU.retention().get()));
        assertThat(store().deleteExpired(10, Instance::deleteForRetention)).isEmpty();
        assertThat(store().find(PROJECT, stopped.id())).containsExactly(stoppedAgain);
    }

    @Test
    default void anInstanceTheDeleteRuleRefusesIsLeftAsItIs() {
        Instance expired = insert(inactive(InstanceStatus.STOPPED, present().minus(HOUR)).build());

        List<Expired> batch = store().deleteExpired(10, (inactive, now) ->
                Either.left(new DomainError.OperationNotAllowed(inactive.status().name(), "retention")));

        assertThat(batch).isEmpty();
        assertThat(store().find(PROJECT, expired.id())).containsExactly(expired);
    }

    @Test
    default void aRetentionBatchIsOneTransactionSoAFailureInTheMiddleDeletesNoneOfItAndLeavesNothingClaimed() {
        Instant present = present();
        Instance first = insert(inactive(InstanceStatus.STOPPED, present.minus(HOUR.multipliedBy(2))).build());
        Instance second = insert(inactive(InstanceStatus.STOPPED, present.minus(HOUR)).build());
        AtomicInteger deletes = new AtomicInteger();

        assertThatThrownBy(() -> store().deleteExpired(10, (inactive, now) -> {
            if (deletes.incrementAndGet() == 2) {
                throw new IllegalStateException("the engine died in the middle of a batch");
            }
            return inactive.deleteForRetention(now);
        })).hasStackTraceContaining("the engine died in the middle of a batch");

        assertThat(store().find(PROJECT, first.id())).containsExactly(first);
        assertThat(store().find(PROJECT, second.id())).containsExactly(second);
        assertThat(store().deleteExpired(10, Instance::deleteForRetention)).hasSize(2);
    }

    @Test
    default void enginesRunningAtOnceDeleteEachEndedRetentionExactlyOnce() throws Exception {
        int engines = 4;
        Instant present = present();
        EventFeed.Position before = store().newest();
        List<Instance> expired = List.range(0, 40).map(n -> insert(inactive(InstanceStatus.STOPPED, present.minusSeconds(60 + n))
                .project(n % 2 == 0 ? PROJECT : OTHER_PROJECT).build()));

        ExecutorService threads = Executors.newFixedThreadPool(engines);
        try {
            List<Future<List<InstanceId>>> deletedByEach = List.fill(engines, () -> threads.submit(() -> {
                List<InstanceId> deleted = List.empty();
                List<Expired> batch;
                do {
                    batch = store().deleteExpired(3, Instance::deleteForRetention);
                    deleted = deleted.appendAll(batch.map(each -> each.deleted().id()));
                } while (!batch.isEmpty());
                return deleted;
            }));
            List<InstanceId> deleted = List.empty();
            for (Future<List<InstanceId>> each : deletedByEach) {
                deleted = deleted.appendAll(each.get(1, TimeUnit.MINUTES));
            }

            assertThat(deleted).containsExactlyInAnyOrderElementsOf(expired.map(Instance::id));
            assertThat(retentionEvents(before, PROJECT).appendAll(retentionEvents(before, OTHER_PROJECT)).map(LifecycleEvent::instanceId))
                    .containsExactlyInAnyOrderElementsOf(expired.map(Instance::id));
        } finally {
            threads.shutdownNow();
        }
    }

    /**
     * Deleted as a user's delete would, stored at the next version, gone from the store, at a time that the store's
     * clock read: after every retention end the test made pass and before every one it did not.
     */
    private void assertDeletedByTheEngine(Instance deleted, Instant lastEndPassed, Instant firstEndToCome) {
        assertThat(deleted.status()).isEqualTo(InstanceStatus.DELETED);
        assertThat(deleted.inactiveSince()).isEmpty();
        assertThat(deleted.version()).isEqualTo(1);
        assertThat(deleted.updatedAt()).isAfter(lastEndPassed).isBefore(firstEndToCome);
        assertThat(store().find(deleted.projectId(), deleted.id())).isEmpty();
    }

    /** A free instance inactive in {@code status} whose retention ends at {@code retentionEnd}. */
    private static InstanceBuilder inactive(InstanceStatus status, Instant retentionEnd) {
        return anInstance().flavor(SampleCatalog.FREE_CPU).status(status)
                .inactiveSince(retentionEnd.minus(SampleCatalog.FREE_CPU.retention().get()));
    }

    /** The RETENTION events of {@code project} after {@code position}, in the order they were committed. */
    private List<LifecycleEvent> retentionEvents(EventFeed.Position position, ProjectId project) {
        return store().after(project, Option.none(), position, 1000).events().map(NumberedEvent::event)
                .filter(event -> event.cause() == TransitionCause.RETENTION);
    }

    /** The event of a delete by the engine: from the status it was deleted from, at the time of the delete. */
    private static LifecycleEvent eventOf(Expired expired) {
        Instance deleted = expired.deleted();
        return new LifecycleEvent(deleted.id(), Option.some(expired.before()), InstanceStatus.DELETED,
                TransitionCause.RETENTION, deleted.updatedAt(), deleted.version());
    }

    private static Instant retentionEnd(Instance inactive) {
        return inactive.retentionEnd().get();
    }

    private static Instant present() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private Instance insert(Instance instance) {
        Either<DomainError, Instance> inserted = store().insert(instance);
        assertThat(inserted.isRight()).as("insert of %s: %s", instance.name(), inserted).isTrue();
        return inserted.get();
    }
}
