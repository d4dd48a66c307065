package io.demanager.testkit.contract;

import io.demanager.application.port.out.EventFeed;
import io.demanager.application.port.out.EventFeed.Page;
import io.demanager.application.port.out.EventFeed.Position;
import io.demanager.application.port.out.InstanceStore;
import io.demanager.domain.instance.Instance;
import io.demanager.domain.instance.InstanceStatus;
import io.demanager.domain.instance.NumberedEvent;
import io.demanager.domain.instance.TransitionCause;
import io.demanager.domain.instance.UserRef;
import io.vavr.collection.List;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.demanager.testkit.StoreFixtures.OTHER_PROJECT;
import static io.demanager.testkit.StoreFixtures.PROJECT;
import static io.demanager.testkit.StoreFixtures.anInstance;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a store must do for those who follow the events as they happen ({@link EventFeed}): a reader gets each event of
 * its project once, in the order written, resumes after an event it names, and never sees another project's events.
 * A store's test implements this beside its other contracts.
 */
public interface EventFeedContract<S extends InstanceStore & EventFeed> {

    UserRef SOMEONE_ELSE = new UserRef("user-2", "bob");

    /** The store under test, empty at the start of each test. */
    S store();

    @Test
    default void aReaderFromTheNewestPositionGetsEachLaterEventOfItsProjectOnceInTheOrderWritten() {
        store().insert(anInstance().name("before").build()).get();
        Position start = store().newest();
        Instance created = store().insert(anInstance().name("watched").build()).get();
        store().insert(anInstance().name("elsewhere").project(OTHER_PROJECT).build()).get();
        Instance stopped = stop(store().insert(anInstance().name("stopped").status(InstanceStatus.RUNNING).build()).get());

        Page page = store().after(PROJECT, Option.none(), start, 10);

        assertThat(page.events().map(event -> event.event().instanceId()))
                .containsExactly(created.id(), stopped.id(), stopped.id());
        assertThat(page.events().map(event -> event.event().to()))
                .containsExactly(created.status(), InstanceStatus.RUNNING, InstanceStatus.STOPPING);
        assertThat(page.events().map(NumberedEvent::projectId)).containsOnly(PROJECT);
        assertThat(page.events().map(NumberedEvent::id).toJavaList()).isSorted().doesNotHaveDuplicates();
        assertThat(store().after(PROJECT, Option.none(), page.next(), 10).events()).isEmpty();
        assertThat(store().after(OTHER_PROJECT, Option.none(), start, 10).events()).hasSize(1);
    }

    @Test
    default void aFullPageLeavesTheReaderAfterItsLastEventAndTheNextPageGoesOnFromThere() {
        Position start = store().newest();
        List<Instance> created = List.range(0, 5).map(n -> store().insert(anInstance().name("n" + n).build()).get());

        Page first = store().after(PROJECT, Option.none(), start, 3);
        Page second = store().after(PROJECT, Option.none(), first.next(), 3);

        assertThat(first.events().appendAll(second.events()).map(event -> event.event().instanceId()))
                .containsExactlyElementsOf(created.map(Instance::id));
    }

    @Test
    default void aReaderOfOneOwnersInstancesGetsOnlyTheirEvents() {
        Position start = store().newest();
        Instance own = store().insert(anInstance().name("own").build()).get();
        store().insert(anInstance().name("others").owner(SOMEONE_ELSE).build()).get();

        Page page = store().after(PROJECT, Option.some(own.owner().id()), start, 10);

        assertThat(page.events().map(event -> event.event().instanceId())).containsExactly(own.id());
    }

    @Test
    default void aReaderResumesAfterTheEventItNamesAndAnEventItMayNotSeeNamesNoPosition() {
        store().insert(anInstance().name("first").build()).get();
        Position start = store().newest();
        store().insert(anInstance().name("second").build()).get();
        Instance third = store().insert(anInstance().name("third").build()).get();
        store().insert(anInstance().name("others").owner(SOMEONE_ELSE).build()).get();
        NumberedEvent second = store().after(PROJECT, Option.none(), start, 1).events().single();

        Option<Position> afterSecond = store().positionOf(PROJECT, Option.none(), second.id());

        assertThat(afterSecond).isNotEmpty();
        assertThat(store().after(PROJECT, Option.none(), afterSecond.get(), 1).events().map(event -> event.event().instanceId()))
                .containsExactly(third.id());
        assertThat(store().positionOf(OTHER_PROJECT, Option.none(), second.id())).isEmpty();
        assertThat(store().positionOf(PROJECT, Option.some(SOMEONE_ELSE.id()), second.id())).isEmpty();
        assertThat(store().positionOf(PROJECT, Option.none(), second.id() + 1_000_000)).isEmpty();
    }

    @Test
    default void theDeletionOfAnInstanceIsAnEventToo() {
        Position start = store().newest();
        Instance stopped = store().insert(anInstance().name("gone").status(InstanceStatus.STOPPED).build()).get();
        Instance deleted = store().update(stopped.delete(stopped.updatedAt()).get(), TransitionCause.USER_REQUEST).get();

        Page page = store().after(PROJECT, Option.none(), start, 10);

        assertThat(page.events().map(event -> event.event().to())).containsExactly(InstanceStatus.STOPPED, InstanceStatus.DELETED);
        assertThat(page.events().last().event().version()).isEqualTo(deleted.version());
    }

    private Instance stop(Instance running) {
        Instant now = running.updatedAt().plusSeconds(1);
        return store().update(running.stop(now).get(), TransitionCause.USER_REQUEST).get();
    }
}
