package io.demanager.application.service;

import io.demanager.application.port.in.GetInstanceQuery;
import static io.demanager.testkit.Principals.MEMBER;
import io.demanager.application.port.in.InstanceRef;
import io.demanager.application.port.in.InstanceSnapshot;
import io.demanager.domain.error.DomainError;
import io.demanager.domain.instance.Instance;
import io.demanager.domain.instance.InstanceId;
import io.demanager.domain.instance.InstanceStatus;
import io.demanager.testkit.SettableClock;
import io.demanager.testkit.memory.InMemoryInstanceStore;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.demanager.testkit.InstanceBuilder.OTHER_PROJECT;
import static io.demanager.testkit.InstanceBuilder.PROJECT;
import static io.demanager.testkit.InstanceBuilder.anInstance;
import static org.assertj.core.api.Assertions.assertThat;

class GetInstanceServiceTest {

    private static final Instant NOW = Instant.parse("2024-07-01T10:00:00Z");

    private final InMemoryInstanceStore store = new InMemoryInstanceStore();
    private final SettableClock clock = new SettableClock(NOW);
    private final GetInstanceService service = new GetInstanceService(store, new FreeFlavorQueues(store, 1), clock);

    @Test
    void anInstanceIsAnsweredAsStoredWithTheMomentItWasRead() {
        Instance stored = store.given(anInstance().description("mine").version(3).build());

        assertThat(service.get(new GetInstanceQuery(MEMBER, new InstanceRef(PROJECT, stored.id())))).containsExactly(new InstanceSnapshot(stored, NOW));
    }

    @Test
    void aRunningInstanceShowsTheSecondsLeftOfItsRunAtEachRead() {
        Instance running = store.given(anInstance().runningUntil(NOW.plusSeconds(90)).build());
        InstanceRef ref = new InstanceRef(PROJECT, running.id());

        assertThat(service.get(new GetInstanceQuery(MEMBER, ref)).get().remainTimeSeconds()).containsExactly(90L);
        clock.advance(Duration.ofSeconds(30));
        assertThat(service.get(new GetInstanceQuery(MEMBER, ref)).get().remainTimeSeconds()).containsExactly(60L);
    }

    @Test
    void anUnknownInstanceIs6309() {
        InstanceId unknown = new InstanceId(UUID.randomUUID());

        DomainError error = service.get(new GetInstanceQuery(MEMBER, new InstanceRef(PROJECT, unknown))).getLeft();

        assertThat(error).isEqualTo(new DomainError.InstanceNotFound(unknown.value()));
        assertThat(error).isInstanceOf(DomainError.InstanceNotFound.class);
    }

    @Test
    void anInstanceOfAnotherProjectIs6309() {
        Instance theirs = store.given(anInstance().project(OTHER_PROJECT).build());

        assertThat(service.get(new GetInstanceQuery(MEMBER, new InstanceRef(PROJECT, theirs.id()))).getLeft())
                .isEqualTo(new DomainError.InstanceNotFound(theirs.id().value()));
    }

    @Test
    void aDeletedInstanceIs6309() {
        Instance deleted = store.given(anInstance().status(InstanceStatus.DELETED).build());

        assertThat(service.get(new GetInstanceQuery(MEMBER, new InstanceRef(PROJECT, deleted.id()))).getLeft())
                .isEqualTo(new DomainError.InstanceNotFound(deleted.id().value()));
    }
}
