package io.demanager.application.service;

import io.demanager.domain.instance.InstanceStatus;
import io.demanager.testkit.SampleCatalog;
import io.demanager.testkit.memory.InMemoryInstanceStore;
import org.junit.jupiter.api.Test;

import static io.demanager.testkit.InstanceBuilder.OTHER_PROJECT;
import static io.demanager.testkit.InstanceBuilder.anInstance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FreeFlavorCapacityTest {

    private final InMemoryInstanceStore store = new InMemoryInstanceStore();

    @Test
    void aFreeFlavorHasRoomUntilItsCapacityIsHeldInAnyProject() {
        FreeFlavorCapacity capacity = new FreeFlavorCapacity(store, 2);
        store.given(anInstance().flavor(SampleCatalog.FREE_CPU).status(InstanceStatus.RUNNING).build());
        store.given(anInstance().flavor(SampleCatalog.FREE_CPU).status(InstanceStatus.START_QUEUING).build());
        store.given(anInstance().flavor(SampleCatalog.FREE_CPU).status(InstanceStatus.STOPPED).build());

        assertThat(capacity.hasRoomFor(SampleCatalog.FREE_CPU)).isTrue();

        store.given(anInstance().project(OTHER_PROJECT).flavor(SampleCatalog.FREE_CPU).status(InstanceStatus.STARTING).build());

        assertThat(capacity.hasRoomFor(SampleCatalog.FREE_CPU)).isFalse();
    }

    @Test
    void aPaidFlavorAlwaysHasRoom() {
        FreeFlavorCapacity capacity = new FreeFlavorCapacity(store, 0);
        store.given(anInstance().flavor(SampleCatalog.CPU).status(InstanceStatus.RUNNING).build());

        assertThat(capacity.hasRoomFor(SampleCatalog.CPU)).isTrue();
        assertThat(capacity.hasRoomFor(SampleCatalog.FREE_CPU)).isFalse();
    }

    @Test
    void aNegativeCapacityIsAConfigurationError() {
        assertThatThrownBy(() -> new FreeFlavorCapacity(store, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
