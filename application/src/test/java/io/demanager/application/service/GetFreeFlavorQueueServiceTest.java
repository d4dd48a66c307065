package io.demanager.application.service;

import io.demanager.application.port.in.FreeFlavorQueue;
import io.demanager.domain.instance.InstanceStatus;
import io.demanager.testkit.SampleCatalog;
import io.demanager.testkit.SettableClock;
import io.demanager.testkit.memory.InMemoryInstanceStore;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.demanager.testkit.InstanceBuilder.OTHER_PROJECT;
import static io.demanager.testkit.InstanceBuilder.anInstance;
import static org.assertj.core.api.Assertions.assertThat;

class GetFreeFlavorQueueServiceTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    private final InMemoryInstanceStore store = new InMemoryInstanceStore();
    private final GetFreeFlavorQueueService service = new GetFreeFlavorQueueService(new FreeFlavorQueues(store, 2),
            new SettableClock(NOW));

    @Test
    void aFlavorWithAFreePlaceIsOnSaleAndLetsANewcomerInAtOnce() {
        store.given(anInstance().flavor(SampleCatalog.FREE_CPU).runningUntil(NOW.plusSeconds(600)).build());

        assertThat(service.queueOf(SampleCatalog.FREE_CPU)).isEqualTo(new FreeFlavorQueue(false, 0, Option.some(NOW)));
    }

    @Test
    void aFlavorWhosePlacesAreTakenInAnyProjectIsSoldOutAndANewcomerWaitsBehindTheQueue() {
        store.given(anInstance().flavor(SampleCatalog.FREE_CPU).runningUntil(NOW.plusSeconds(600)).build());
        store.given(anInstance().project(OTHER_PROJECT).flavor(SampleCatalog.FREE_CPU).runningUntil(NOW.plusSeconds(60)).build());
        store.given(anInstance().flavor(SampleCatalog.FREE_CPU).status(InstanceStatus.CREATE_QUEUING).queuedSince(NOW).build());

        // The queued one takes the place freed at +60 s, the newcomer the one freed at +600 s.
        assertThat(service.queueOf(SampleCatalog.FREE_CPU)).isEqualTo(new FreeFlavorQueue(true, 1, Option.some(NOW.plusSeconds(600))));
    }
}
