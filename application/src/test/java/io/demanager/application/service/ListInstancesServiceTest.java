package io.demanager.application.service;

import io.demanager.application.port.in.InstanceSnapshot;
import io.demanager.application.port.in.ListInstancesUseCase.InstanceList;
import io.demanager.application.port.in.ListInstancesQuery;
import io.demanager.domain.instance.Instance;
import io.demanager.domain.instance.InstanceFilter;
import io.demanager.domain.instance.InstanceSort;
import io.demanager.domain.instance.InstanceStatus;
import io.demanager.domain.instance.PageRequest;
import io.demanager.testkit.SettableClock;
import io.demanager.testkit.memory.InMemoryInstanceStore;
import io.vavr.collection.List;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.demanager.testkit.InstanceBuilder.OTHER_PROJECT;
import static io.demanager.testkit.Principals.MEMBER;
import static io.demanager.testkit.InstanceBuilder.PROJECT;
import static io.demanager.testkit.InstanceBuilder.anInstance;
import static io.demanager.testkit.StoreFixtures.ALL_IN_ONE_PAGE;
import static io.demanager.testkit.StoreFixtures.BY_NAME;
import static io.demanager.testkit.StoreFixtures.DEFAULT_FILTER;
import static org.assertj.core.api.Assertions.assertThat;

class ListInstancesServiceTest {

    private static final Instant NOW = Instant.parse("2024-07-01T10:00:00Z");

    private final InMemoryInstanceStore store = new InMemoryInstanceStore();
    private final ListInstancesService service = new ListInstancesService(store, new FreeFlavorQueues(store, 1), new SettableClock(NOW));

    @Test
    void aPageOfTheProjectsInstancesIsAnsweredWithTheCountOfEveryMatchAndTheMomentItWasRead() {
        Instance first = store.given(anInstance().name("a").build());
        Instance second = store.given(anInstance().name("b").runningUntil(NOW.plusSeconds(60)).build());
        store.given(anInstance().name("c").build());
        store.given(anInstance().name("theirs").project(OTHER_PROJECT).build());

        InstanceList page = service.list(new ListInstancesQuery(MEMBER, PROJECT, DEFAULT_FILTER, false, BY_NAME,
                new PageRequest(0, 2))).get();

        assertThat(page.totalCount()).isEqualTo(3);
        assertThat(page.instances()).containsExactly(new InstanceSnapshot(first, NOW), new InstanceSnapshot(second, NOW));
        assertThat(page.instances().map(InstanceSnapshot::remainTimeSeconds)).containsExactly(Option.none(), Option.some(60L));
    }

    @Test
    void theListingsFiltersReachTheStore() {
        Instance running = store.given(anInstance().status(InstanceStatus.RUNNING).build());
        store.given(anInstance().status(InstanceStatus.STOPPED).build());

        InstanceList page = service.list(new ListInstancesQuery(MEMBER, PROJECT,
                new InstanceFilter(Option.some(InstanceStatus.RUNNING), Instance.DEFAULT_WORKSPACE, Option.none(), Option.none()),
                false, new InstanceSort(InstanceSort.Key.CREATION_TIMESTAMP, InstanceSort.Direction.DESC), ALL_IN_ONE_PAGE)).get();

        assertThat(page.totalCount()).isEqualTo(1);
        assertThat(page.instances().map(InstanceSnapshot::instance)).isEqualTo(List.of(running));
    }
}
