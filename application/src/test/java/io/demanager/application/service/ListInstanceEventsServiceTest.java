package io.demanager.application.service;

import io.demanager.application.port.in.InstanceEventsQuery;
import io.demanager.application.port.in.InstanceRef;
import io.demanager.application.port.in.ListInstanceEventsUseCase.EventList;
import io.demanager.domain.error.DomainError;
import io.demanager.domain.instance.Instance;
import io.demanager.domain.instance.InstanceId;
import io.demanager.domain.instance.InstanceStatus;
import io.demanager.domain.instance.LifecycleEvent;
import io.demanager.domain.instance.RuntimeEvent;
import io.demanager.domain.instance.TransitionCause;
import io.demanager.testkit.memory.InMemoryInstanceStore;
import io.vavr.collection.List;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static io.demanager.testkit.InstanceBuilder.OTHER_PROJECT;
import static io.demanager.testkit.InstanceBuilder.PROJECT;
import static io.demanager.testkit.InstanceBuilder.anInstance;
import static io.demanager.testkit.TestNotebooks.ACCESS;
import static io.demanager.testkit.Principals.MEMBER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ListInstanceEventsServiceTest {

    private static final Instant NOW = Instant.parse("2024-07-01T10:00:00Z");

    private final InMemoryInstanceStore store = new InMemoryInstanceStore();
    private final ListInstanceEventsService service = new ListInstanceEventsService(store, store);

    @Test
    void theEventsOfAnInstanceComeNewestFirstPageByPageWithTheirTotal() {
        Instance stopped = startedAndStopped();

        EventList all = events(stopped, 0, 0);
        EventList secondPage = events(stopped, 2, 2);

        assertThat(all.totalCount()).isEqualTo(5);
        assertThat(all.events().map(LifecycleEvent::to)).containsExactly(InstanceStatus.STOPPED, InstanceStatus.STOPPING,
                InstanceStatus.RUNNING, InstanceStatus.STARTING, InstanceStatus.STOPPED);
        assertThat(all.events().map(LifecycleEvent::version)).containsExactly(4L, 3L, 2L, 1L, 0L);
        assertThat(secondPage).isEqualTo(new EventList(5, all.events().drop(2).take(2)));
        assertThat(events(stopped, 5, 2)).isEqualTo(new EventList(5, List.empty()));
    }

    @Test
    void anInstanceOfAnotherProjectIs6309() {
        Instance theirs = store.insert(anInstance().project(OTHER_PROJECT).build()).get();

        assertThat(service.events(new InstanceEventsQuery(MEMBER, new InstanceRef(PROJECT, theirs.id()), 0, 0)).getLeft())
                .isEqualTo(new DomainError.InstanceNotFound(theirs.id().value()));
    }

    @Test
    void anUnknownInstanceIs6309() {
        InstanceId unknown = new InstanceId(UUID.randomUUID());

        assertThat(service.events(new InstanceEventsQuery(MEMBER, new InstanceRef(PROJECT, unknown), 0, 0)).getLeft())
                .isEqualTo(new DomainError.InstanceNotFound(unknown.value()));
    }

    @Test
    void aNegativeOffsetOrLimitIsNoQuery() {
        InstanceRef ref = new InstanceRef(PROJECT, new InstanceId(UUID.randomUUID()));

        assertThatThrownBy(() -> new InstanceEventsQuery(MEMBER, ref, -1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new InstanceEventsQuery(MEMBER, ref, 0, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    /** An instance stored STOPPED, then started, run and stopped: five events. */
    private Instance startedAndStopped() {
        Instance stopped = store.insert(anInstance().status(InstanceStatus.STOPPED).build()).get();
        Instance starting = store.update(stopped.start(true, NOW).get(), TransitionCause.USER_REQUEST).get();
        Instance running = store.update(starting.onRuntimeEvent(new RuntimeEvent.Started(ACCESS),
                NOW.plusSeconds(1)).get(), TransitionCause.RUNTIME_PROGRESS).get();
        Instance stopping = store.update(running.stop(NOW.plusSeconds(2)).get(), TransitionCause.USER_REQUEST).get();
        return store.update(stopping.onRuntimeEvent(new RuntimeEvent.Stopped(),
                NOW.plusSeconds(3)).get(), TransitionCause.RUNTIME_PROGRESS).get();
    }

    private EventList events(Instance instance, int offset, int limit) {
        return service.events(new InstanceEventsQuery(MEMBER, new InstanceRef(PROJECT, instance.id()), offset, limit)).get();
    }
}
