package io.demanager.application.service;

import io.demanager.application.port.in.DeleteInstanceCommand;
import io.demanager.application.port.in.GetAccessTokenQuery;
import io.demanager.application.port.in.GetInstanceQuery;
import io.demanager.application.port.in.InstanceActionCommand;
import io.demanager.application.port.in.InstanceEventsQuery;
import io.demanager.application.port.in.InstanceRef;
import io.demanager.application.port.in.InstanceSnapshot;
import io.demanager.application.port.in.ListInstancesQuery;
import io.demanager.application.port.in.ModifyInstanceCommand;
import io.demanager.application.port.in.Permission;
import io.demanager.application.port.in.Principal;
import io.demanager.application.port.in.ProjectGrant;
import io.demanager.application.port.in.RenewLeaseCommand;
import io.demanager.application.port.out.StatusChangePublisher;
import io.demanager.domain.autostop.AutoStopChange;
import io.demanager.domain.autostop.AutoStopPolicy;
import io.demanager.domain.autostop.LeaseRenewalPolicy;
import io.demanager.domain.error.DomainError;
import io.demanager.domain.idle.IdleStopPolicy;
import io.demanager.domain.instance.Description;
import io.demanager.domain.instance.Instance;
import io.demanager.domain.instance.InstanceStatus;
import io.demanager.domain.instance.UserRef;
import io.demanager.testkit.RecordingRuntime;
import io.demanager.testkit.SettableClock;
import io.demanager.testkit.memory.InMemoryInstanceStore;
import io.vavr.collection.HashMap;
import io.vavr.collection.HashSet;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.stream.Stream;

import static io.demanager.testkit.InstanceBuilder.OWNER;
import static io.demanager.testkit.InstanceBuilder.PROJECT;
import static io.demanager.testkit.InstanceBuilder.anInstance;
import static io.demanager.testkit.StoreFixtures.ALL_IN_ONE_PAGE;
import static io.demanager.testkit.StoreFixtures.BY_NAME;
import static io.demanager.testkit.StoreFixtures.DEFAULT_FILTER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A principal restricted to its own instances in a project: another member's instance is not there for it (6309 on
 * every instance use case, left out of every list, whatever {@code show_self} says), its own are as for anybody.
 */
class OwnInstancesOnlyTest {

    private static final Instant NOW = Instant.parse("2024-07-01T10:00:00Z");
    private static final UserRef COLLEAGUE = new UserRef("user-2", "bob");
    private static final Principal OWN_ONLY = new Principal(OWNER, HashMap.of(PROJECT, new ProjectGrant(Permission.ALL, true)));

    private final InMemoryInstanceStore store = new InMemoryInstanceStore();
    private final RecordingRuntime runtime = new RecordingRuntime();
    private final Instance mine = store.given(anInstance().name("mine").status(InstanceStatus.RUNNING).build());
    private final Instance theirs = store.given(anInstance().name("theirs").owner(COLLEAGUE).status(InstanceStatus.RUNNING).build());

    /** An instance use case over a store and a runtime, applied as {@link #OWN_ONLY} to the instance it is given. */
    private interface InstanceCall {
        Either<DomainError, ?> apply(InMemoryInstanceStore store, RecordingRuntime runtime, InstanceRef ref);
    }

    static Stream<Named<InstanceCall>> instanceUseCases() {
        return Stream.of(
                Named.of("get", (store, runtime, ref) -> new GetInstanceService(store, new FreeFlavorQueues(store, 1), new SettableClock(NOW))
                        .get(new GetInstanceQuery(OWN_ONLY, ref))),
                Named.of("modify", (store, runtime, ref) -> new ModifyInstanceService(store, AutoStopPolicy.DEFAULT, IdleStopPolicy.DEFAULT, new SettableClock(NOW))
                        .modify(new ModifyInstanceCommand(OWN_ONLY, ref, Option.some(new Description("changed")), AutoStopChange.NONE,
                                Option.none()))),
                Named.of("action", (store, runtime, ref) -> new InstanceActionService(store, new FreeFlavorCapacity(store, 1), runtime,
                        new SettableClock(NOW), StatusChangePublisher.NONE).act(new InstanceActionCommand(OWN_ONLY, ref, InstanceActionCommand.Action.STOP, Option.none()))),
                Named.of("access token", (store, runtime, ref) -> new GetAccessTokenService(store)
                        .accessToken(new GetAccessTokenQuery(OWN_ONLY, ref))),
                Named.of("events", (store, runtime, ref) -> new ListInstanceEventsService(store, store)
                        .events(new InstanceEventsQuery(OWN_ONLY, ref, 0, 0))),
                Named.of("delete", (store, runtime, ref) -> new DeleteInstanceService(store, runtime, new SettableClock(NOW), StatusChangePublisher.NONE)
                        .delete(new DeleteInstanceCommand(OWN_ONLY, ref, Option.none()))),
                Named.of("renew lease", (store, runtime, ref) -> new RenewLeaseService(store, LeaseRenewalPolicy.DEFAULT, new SettableClock(NOW))
                        .renew(new RenewLeaseCommand(OWN_ONLY, ref, 7_200, Option.none()))));
    }

    @ParameterizedTest
    @MethodSource("instanceUseCases")
    void anotherMembersInstanceDoesNotExistAndIsLeftAsItWas(InstanceCall call) {
        assertThat(call.apply(store, runtime, new InstanceRef(PROJECT, theirs.id())).getLeft())
                .isEqualTo(new DomainError.InstanceNotFound(theirs.id().value()));
        assertThat(store.find(PROJECT, theirs.id())).containsExactly(theirs);
        assertThat(runtime.calls()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("instanceUseCases")
    void itsOwnInstanceIsReachedAsByAnyMember(InstanceCall call) {
        Either<DomainError, ?> result = call.apply(store, runtime, new InstanceRef(PROJECT, mine.id()));

        // Deleting a RUNNING instance is refused by the lifecycle (6304), which proves the instance was found.
        assertThat(result.isRight() || result.getLeft() instanceof DomainError.StopBeforeDeleting)
                .as("%s", result).isTrue();
    }

    @Test
    void itListsOnlyItsOwnInstancesEvenWhenItAsksForEverybodys() {
        var list = new ListInstancesService(store, new FreeFlavorQueues(store, 1), new SettableClock(NOW));

        assertThat(list.list(everybodys(OWN_ONLY)).get().instances().map(InstanceSnapshot::instance)).containsExactly(mine);
        assertThat(list.list(everybodys(Principal.withEverythingIn(OWNER, HashSet.of(PROJECT)))).get()
                .instances().map(InstanceSnapshot::instance)).containsExactly(mine, theirs);
    }

    private static ListInstancesQuery everybodys(Principal principal) {
        return new ListInstancesQuery(principal, PROJECT, DEFAULT_FILTER, false, BY_NAME, ALL_IN_ONE_PAGE);
    }
}
