package io.demanager.application.service;

import io.demanager.application.port.in.Principal;
import io.demanager.application.port.in.ProjectGrant;
import io.demanager.application.port.in.Permission;
import io.demanager.application.port.in.ViewCatalogQuery;
import io.demanager.application.port.in.ViewCatalogUseCase.CatalogView;
import io.demanager.application.port.in.ViewCatalogUseCase.FlavorOffer;
import io.demanager.application.port.in.ViewCatalogUseCase.FreeFlavorRoom;
import io.demanager.domain.error.DomainError;
import io.demanager.domain.instance.InstanceStatus;
import io.demanager.testkit.Principals;
import io.demanager.testkit.SampleCatalog;
import io.demanager.testkit.SettableClock;
import io.demanager.testkit.memory.InMemoryInstanceStore;
import io.vavr.collection.HashMap;
import io.vavr.collection.HashSet;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.demanager.testkit.InstanceBuilder.OTHER_PROJECT;
import static io.demanager.testkit.InstanceBuilder.OWNER;
import static io.demanager.testkit.InstanceBuilder.PROJECT;
import static io.demanager.testkit.InstanceBuilder.anInstance;
import static org.assertj.core.api.Assertions.assertThat;

class ViewCatalogServiceTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    private final InMemoryInstanceStore store = new InMemoryInstanceStore();
    private final ViewCatalogService service = new ViewCatalogService(SampleCatalog.catalog(), store,
            new FreeFlavorQueues(store, 2), 2, new SettableClock(NOW));

    @Test
    void offersEveryFlavorAndProfileOfTheCatalog() {
        CatalogView view = service.catalog(new ViewCatalogQuery(Principals.MEMBER, PROJECT)).get();

        assertThat(view.flavors().map(offer -> offer.flavor())).containsExactlyElementsOf(SampleCatalog.catalog().flavors());
        assertThat(view.profiles()).containsExactlyElementsOf(SampleCatalog.catalog().profiles());
    }

    @Test
    void aFreeFlavorShowsHowManyOfItsPlacesAreHeldInEveryProject() {
        store.given(anInstance().flavor(SampleCatalog.FREE_CPU).status(InstanceStatus.RUNNING).build());
        store.given(anInstance().project(OTHER_PROJECT).flavor(SampleCatalog.FREE_CPU).status(InstanceStatus.STARTING).build());
        store.given(anInstance().flavor(SampleCatalog.FREE_CPU).status(InstanceStatus.STOPPED).build());

        CatalogView view = service.catalog(new ViewCatalogQuery(Principals.MEMBER, PROJECT)).get();

        FreeFlavorRoom room = offer(view, SampleCatalog.FREE_CPU.name()).room().get();
        assertThat(room.capacity()).isEqualTo(2);
        assertThat(room.inUse()).isEqualTo(2);
        assertThat(room.full()).isTrue();
        assertThat(offer(view, SampleCatalog.CPU.name()).room()).isEqualTo(Option.none());
    }

    @Test
    void aPlaceOwedToAQueuedInstanceMakesTheFlavorFullAsAnInstanceDocumentWouldShowIt() {
        store.given(anInstance().flavor(SampleCatalog.FREE_CPU).runningUntil(NOW.plusSeconds(600)).build());
        store.given(anInstance().flavor(SampleCatalog.FREE_CPU).status(InstanceStatus.CREATE_QUEUING).queuedSince(NOW).build());

        CatalogView view = service.catalog(new ViewCatalogQuery(Principals.MEMBER, PROJECT)).get();

        FreeFlavorRoom room = offer(view, SampleCatalog.FREE_CPU.name()).room().get();
        assertThat(room.inUse()).isEqualTo(1);
        assertThat(room.queue().queued()).isEqualTo(1);
        assertThat(room.full()).isTrue();
        assertThat(view.readAt()).isEqualTo(NOW);
    }

    @Test
    void anyGrantInTheProjectReadsItAndNoneIsRefused() {
        Principal createOnly = new Principal(OWNER, HashMap.of(PROJECT, new ProjectGrant(HashSet.of(Permission.CREATE), true)));

        assertThat(service.catalog(new ViewCatalogQuery(createOnly, PROJECT)).isRight()).isTrue();
        assertThat(service.catalog(new ViewCatalogQuery(Principals.MEMBER, OTHER_PROJECT)).getLeft())
                .isEqualTo(new DomainError.ProjectNotAllowed(OTHER_PROJECT.value()));
    }

    private static FlavorOffer offer(CatalogView view, String flavorName) {
        return view.flavors().find(offer -> offer.flavor().name().equals(flavorName)).get();
    }
}
