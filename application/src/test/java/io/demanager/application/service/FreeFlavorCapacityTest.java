package io.demanager.application.service;

import io.demanager.domain.error.DomainError;
import io.demanager.domain.instance.Instance;
import io.demanager.domain.instance.InstanceStatus;
import io.demanager.domain.instance.RuntimeEvent;
import io.demanager.domain.instance.TransitionCause;
import io.demanager.testkit.SampleCatalog;
import io.demanager.testkit.memory.InMemoryInstanceStore;
import io.vavr.control.Either;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import static io.demanager.testkit.InstanceBuilder.OTHER_PROJECT;
import static io.demanager.testkit.InstanceBuilder.anInstance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FreeFlavorCapacityTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private final InMemoryInstanceStore store = new InMemoryInstanceStore();

    @Test
    void aFreeFlavorHasRoomUntilItsCapacityIsHeldInAnyProject() {
        FreeFlavorCapacity capacity = new FreeFlavorCapacity(store, 2);
        store.given(anInstance().flavor(SampleCatalog.FREE_CPU).status(InstanceStatus.RUNNING).build());
        store.given(anInstance().flavor(SampleCatalog.FREE_CPU).status(InstanceStatus.STOPPED).build());

        assertThat(roomToStart(capacity)).isTrue();

        store.given(anInstance().project(OTHER_PROJECT).flavor(SampleCatalog.FREE_CPU).status(InstanceStatus.STARTING).build());

        assertThat(roomToStart(capacity)).isFalse();
    }

    @Test
    void aFreePlaceOwedToAQueuedInstanceIsNoRoomForANewcomer() {
        FreeFlavorCapacity capacity = new FreeFlavorCapacity(store, 2);
        store.given(anInstance().flavor(SampleCatalog.FREE_CPU).status(InstanceStatus.RUNNING).build());
        store.given(anInstance().flavor(SampleCatalog.FREE_CPU).status(InstanceStatus.START_QUEUING).queuedSince(NOW).build());

        assertThat(roomToStart(capacity)).isFalse();
    }

    @Test
    void theOldestQueuedInstanceTakesAFreePlaceAndNoMore() {
        FreeFlavorCapacity capacity = new FreeFlavorCapacity(store, 2);
        store.given(anInstance().flavor(SampleCatalog.FREE_CPU).status(InstanceStatus.RUNNING).build());
        Instance first = store.given(anInstance().flavor(SampleCatalog.FREE_CPU).status(InstanceStatus.CREATE_QUEUING)
                .queuedSince(NOW).build());
        store.given(anInstance().flavor(SampleCatalog.FREE_CPU).status(InstanceStatus.CREATE_QUEUING)
                .queuedSince(NOW.plusSeconds(1)).build());

        var admitted = capacity.admitOldest(SampleCatalog.FREE_CPU,
                queued -> queued.onRuntimeEvent(new RuntimeEvent.CapacityFreed(), NOW));

        assertThat(admitted.map(Instance::id)).contains(first.id());
        assertThat(admitted.map(Instance::status)).contains(InstanceStatus.CREATING);
        assertThat(capacity.admitOldest(SampleCatalog.FREE_CPU, queued -> Either.right(queued))).isEmpty();
    }

    @Test
    void aPaidFlavorAlwaysHasRoomAndTakesNoAdmission() {
        FreeFlavorCapacity capacity = new FreeFlavorCapacity(store, 0);
        AtomicReference<Boolean> told = new AtomicReference<>();
        Instance paid = anInstance().flavor(SampleCatalog.CPU).status(InstanceStatus.CREATING).build();

        Either<DomainError, Instance> stored = capacity.insert(SampleCatalog.CPU, store, hasRoom -> {
            told.set(hasRoom);
            return Either.right(paid);
        });

        assertThat(told.get()).isTrue();
        assertThat(stored.map(Instance::id)).contains(paid.id());
    }

    @Test
    void aNegativeCapacityIsAConfigurationError() {
        assertThatThrownBy(() -> new FreeFlavorCapacity(store, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    private boolean roomToStart(FreeFlavorCapacity capacity) {
        AtomicReference<Boolean> told = new AtomicReference<>();
        Instance stopped = store.given(anInstance().flavor(SampleCatalog.FREE_CPU).status(InstanceStatus.STOPPED).build());
        capacity.update(SampleCatalog.FREE_CPU, hasRoom -> {
            told.set(hasRoom);
            return Either.left(new DomainError.AlreadyStopped());
        }, TransitionCause.USER_REQUEST);
        store.given(stopped.delete(NOW).get());
        return told.get();
    }
}
