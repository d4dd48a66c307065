package io.demanager.domain.instance;

import io.demanager.domain.autostop.AutoStopChange;
import io.demanager.domain.autostop.AutoStopPolicy;
import io.demanager.domain.catalog.Flavor;
import io.demanager.domain.error.DomainError;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.demanager.domain.Fixtures.FREE_CPU;
import static io.demanager.domain.Fixtures.NOTEBOOK;
import static io.demanager.domain.Fixtures.PAID_CPU;
import static io.demanager.domain.Fixtures.failedReason;
import static io.demanager.domain.Fixtures.instance;
import static org.assertj.core.api.Assertions.assertThat;

/** How long an inactive instance is kept: its flavor's store time, counted from when it became inactive. */
class InstanceRetentionTest {

    private static final Instant STOPPED_AT = Instant.parse("2020-07-16T09:00:00Z");
    private static final Duration STORE_TIME = Duration.ofHours(72);

    @Test
    void aStoppedFreeInstanceIsKeptForItsFlavorsStoreTimeFromWhenItStopped() {
        Instance stopped = stoppedAt(STOPPED_AT, FREE_CPU);

        assertThat(stopped.inactiveSince()).containsExactly(STOPPED_AT);
        assertThat(stopped.retentionEnd()).containsExactly(STOPPED_AT.plus(STORE_TIME));
        assertThat(stopped.isRetentionOverAt(STOPPED_AT.plus(STORE_TIME).minusMillis(1))).isFalse();
        assertThat(stopped.isRetentionOverAt(STOPPED_AT.plus(STORE_TIME))).isTrue();
    }

    @Test
    void theEnginesDeleteIsAUsersDeleteAllowedOnlyOnceTheRetentionIsOver() {
        Instance stopped = stoppedAt(STOPPED_AT, FREE_CPU);
        Instant end = STOPPED_AT.plus(STORE_TIME);

        assertThat(stopped.deleteForRetention(end.minusMillis(1)).getLeft())
                .isEqualTo(new DomainError.OperationNotAllowed("STOPPED", "retention"));
        Instance deleted = stopped.deleteForRetention(end).get();

        assertThat(deleted).isEqualTo(stopped.delete(end).get());
        assertThat(deleted.status()).isEqualTo(InstanceStatus.DELETED);
        assertThat(deleted.inactiveSince()).isEmpty();
        assertThat(deleted.retentionEnd()).isEmpty();
        assertThat(deleted.deleteForRetention(end.plusSeconds(1)).getLeft()).isEqualTo(new DomainError.InstanceNotFound(stopped.id().value()));
    }

    @Test
    void startingAgainEndsTheRetentionAndTheNextStopStartsItAnew() {
        Instance stopped = stoppedAt(STOPPED_AT, FREE_CPU);
        Instant startedAt = STOPPED_AT.plus(Duration.ofHours(71));

        Instance starting = stopped.start(true, startedAt).get();
        Instance queued = stopped.start(false, startedAt).get();

        assertThat(starting.inactiveSince()).isEmpty();
        assertThat(starting.retentionEnd()).isEmpty();
        assertThat(starting.isRetentionOverAt(STOPPED_AT.plus(STORE_TIME.multipliedBy(2)))).isFalse();
        assertThat(queued.status()).isEqualTo(InstanceStatus.START_QUEUING);
        assertThat(queued.retentionEnd()).as("waiting in the queue to start").isEmpty();
        Instant stoppedAgain = startedAt.plus(Duration.ofHours(1));
        assertThat(running(starting, startedAt).stop(stoppedAgain).flatMap(stopping -> stopping.onRuntimeEvent(
                new RuntimeEvent.Stopped(), stoppedAgain)).get().retentionEnd()).containsExactly(stoppedAgain.plus(STORE_TIME));
    }

    @Test
    void theInactiveStatusesAreThoseWhereNothingRunsAndNothingIsAwaited() {
        assertThat(InstanceStatus.values()).filteredOn(InstanceStatus::isInactive)
                .containsExactlyInAnyOrder(InstanceStatus.STOPPED, InstanceStatus.CREATE_FAILED, InstanceStatus.START_FAILED,
                        InstanceStatus.UNAVAILABLE, InstanceStatus.RESIZE_FAILED);
    }

    @Test
    void aFailedStartOrAFaultCountsFromTheFailure() {
        Instant failedAt = STOPPED_AT.plus(Duration.ofHours(5));

        Instance startFailed = instance(InstanceStatus.STARTING, FREE_CPU)
                .onRuntimeEvent(new RuntimeEvent.StartFailed(failedReason("ModelArts.6101")), failedAt).get();
        Instance faulted = running(instance(InstanceStatus.STARTING, FREE_CPU), STOPPED_AT)
                .onRuntimeEvent(new RuntimeEvent.Faulted(failedReason("ModelArts.6102")), failedAt).get();

        assertThat(startFailed.retentionEnd()).containsExactly(failedAt.plus(STORE_TIME));
        assertThat(faulted.retentionEnd()).containsExactly(failedAt.plus(STORE_TIME));
    }

    @Test
    void aChangeOfSettingsWhileStoppedKeepsTheRetention() {
        Instance stopped = stoppedAt(STOPPED_AT, FREE_CPU);

        Instance described = stopped.modify(Option.some(new Description("still here")), AutoStopChange.NONE,
                AutoStopPolicy.DEFAULT, STOPPED_AT.plus(Duration.ofHours(70))).get();

        assertThat(described.retentionEnd()).containsExactly(STOPPED_AT.plus(STORE_TIME));
    }

    @Test
    void aFreeFlavorWhoseStoreTimeIsMinusOneAndEveryPaidFlavorKeepInactiveInstancesForEver() {
        Flavor keptForEver = new Flavor(FREE_CPU.name(), FREE_CPU.type(), FREE_CPU.promoType(), FREE_CPU.saleStatus(),
                FREE_CPU.storageTypes(), FREE_CPU.params(), FREE_CPU.autoStopDuration(), -1, Option.none(), Option.none());
        Flavor paidWithStoreTime = new Flavor(PAID_CPU.name(), PAID_CPU.type(), PAID_CPU.promoType(), PAID_CPU.saleStatus(),
                PAID_CPU.storageTypes(), PAID_CPU.params(), Option.none(), 1, Option.none(), Option.none());
        Instant muchLater = STOPPED_AT.plus(Duration.ofDays(3650));

        for (Flavor flavor : new Flavor[] {keptForEver, paidWithStoreTime, PAID_CPU}) {
            Instance stopped = stoppedAt(STOPPED_AT, flavor);
            assertThat(stopped.inactiveSince()).as(flavor.name()).containsExactly(STOPPED_AT);
            assertThat(stopped.retentionEnd()).as(flavor.name()).isEmpty();
            assertThat(stopped.deleteForRetention(muchLater).getLeft()).as(flavor.name())
                    .isEqualTo(new DomainError.OperationNotAllowed("STOPPED", "retention"));
        }
    }

    @Test
    void aStoreTimeOfZeroEndsTheRetentionTheMomentTheInstanceStops() {
        Flavor noStoreTime = new Flavor(FREE_CPU.name(), FREE_CPU.type(), FREE_CPU.promoType(), FREE_CPU.saleStatus(),
                FREE_CPU.storageTypes(), FREE_CPU.params(), FREE_CPU.autoStopDuration(), 0, Option.none(), Option.none());

        assertThat(stoppedAt(STOPPED_AT, noStoreTime).isRetentionOverAt(STOPPED_AT)).isTrue();
    }

    private static Instance stoppedAt(Instant at, Flavor flavor) {
        return instance(InstanceStatus.STOPPING, flavor).onRuntimeEvent(new RuntimeEvent.Stopped(), at).get();
    }

    private static Instance running(Instance starting, Instant at) {
        return starting.onRuntimeEvent(new RuntimeEvent.Started(NOTEBOOK), at).get();
    }
}
