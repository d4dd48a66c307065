package io.demanager.application.service;

import io.demanager.application.port.in.CreateInstanceCommand;
import io.demanager.application.port.in.DeleteInstanceCommand;
import io.demanager.application.port.in.GetAccessTokenQuery;
import io.demanager.application.port.in.GetInstanceQuery;
import io.demanager.application.port.in.InstanceActionCommand;
import io.demanager.application.port.in.InstanceEventsQuery;
import io.demanager.application.port.in.InstanceRef;
import io.demanager.application.port.in.ListInstancesQuery;
import io.demanager.application.port.in.ModifyInstanceCommand;
import io.demanager.application.port.in.Permission;
import io.demanager.application.port.in.Principal;
import io.demanager.application.port.in.ProjectGrant;
import io.demanager.application.port.in.RenewLeaseCommand;
import io.demanager.application.port.out.ActiveInstances;
import io.demanager.application.port.out.Catalog;
import io.demanager.application.port.out.InstanceEvents;
import io.demanager.application.port.out.InstanceIds;
import io.demanager.application.port.out.InstanceStore;
import io.demanager.application.port.out.NotebookRuntime;
import io.demanager.application.port.out.QueuedInstances;
import io.demanager.application.port.out.StatusChangePublisher;
import io.demanager.domain.autostop.AutoStopChange;
import io.demanager.domain.autostop.AutoStopPolicy;
import io.demanager.domain.autostop.LeaseRenewalPolicy;
import io.demanager.domain.error.DomainError;
import io.demanager.domain.idle.IdleStopPolicy;
import io.demanager.domain.instance.Description;
import io.demanager.domain.instance.Instance;
import io.demanager.domain.instance.InstanceId;
import io.demanager.domain.instance.InstanceStatus;
import io.demanager.domain.instance.UserRef;
import io.demanager.testkit.RecordingRuntime;
import io.demanager.testkit.SampleCatalog;
import io.demanager.testkit.SequentialInstanceIds;
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

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;

import static io.demanager.testkit.InstanceBuilder.OTHER_PROJECT;
import static io.demanager.testkit.InstanceBuilder.OWNER;
import static io.demanager.testkit.InstanceBuilder.PROJECT;
import static io.demanager.testkit.InstanceBuilder.anInstance;
import static io.demanager.testkit.Principals.MEMBER;
import static io.demanager.testkit.StoreFixtures.ALL_IN_ONE_PAGE;
import static io.demanager.testkit.StoreFixtures.BY_NAME;
import static io.demanager.testkit.StoreFixtures.DEFAULT_FILTER;
import static io.demanager.application.service.CreateRequestBuilder.aRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Who may do what, decided by each use case a caller drives: a project the principal may not act in (6621) and a
 * permission it is not granted (6622, naming it) are refused before any port is called.
 */
class AccessPolicyTest {

    private static final Instant NOW = Instant.parse("2024-07-01T10:00:00Z");
    private static final InstanceRef SOME_INSTANCE = new InstanceRef(PROJECT, new InstanceId(UUID.randomUUID()));

    /** One use case, called as {@code principal}, over ports that fail the test if they are called at all. */
    private interface UseCaseCall {
        Either<DomainError, ?> as(Principal principal);
    }

    private record Guarded(Permission permission, UseCaseCall call) {
    }

    static Stream<Named<Guarded>> useCases() {
        var store = untouched(InstanceStore.class);
        var runtime = untouched(NotebookRuntime.class);
        var clock = new SettableClock(NOW);
        var capacity = new FreeFlavorCapacity(untouched(ActiveInstances.class), 1);
        var queues = new FreeFlavorQueues(untouched(QueuedInstances.class), 1);
        var policy = AutoStopPolicy.DEFAULT;
        var create = new CreateInstanceService(store, untouched(Catalog.class), capacity, queues, runtime, untouched(InstanceIds.class),
                policy, IdleStopPolicy.DEFAULT, clock, StatusChangePublisher.NONE);
        var list = new ListInstancesService(store, queues, clock);
        var get = new GetInstanceService(store, queues, clock);
        var modify = new ModifyInstanceService(store, policy, IdleStopPolicy.DEFAULT, clock);
        var delete = new DeleteInstanceService(store, runtime, clock, StatusChangePublisher.NONE);
        var action = new InstanceActionService(store, capacity, runtime, clock, StatusChangePublisher.NONE);
        var token = new GetAccessTokenService(store);
        var events = new ListInstanceEventsService(store, untouched(InstanceEvents.class));
        var renew = new RenewLeaseService(store, LeaseRenewalPolicy.DEFAULT, clock);
        return Stream.of(
                Named.of("create", new Guarded(Permission.CREATE, principal -> create.create(aRequest().commandBy(principal)))),
                Named.of("list", new Guarded(Permission.LIST, principal -> list.list(new ListInstancesQuery(principal, PROJECT,
                        DEFAULT_FILTER, false, BY_NAME, ALL_IN_ONE_PAGE)))),
                Named.of("get", new Guarded(Permission.GET, principal -> get.get(new GetInstanceQuery(principal, SOME_INSTANCE)))),
                Named.of("modify", new Guarded(Permission.UPDATE, principal -> modify.modify(new ModifyInstanceCommand(principal,
                        SOME_INSTANCE, Option.some(new Description("changed")), AutoStopChange.NONE, Option.none())))),
                Named.of("delete", new Guarded(Permission.DELETE,
                        principal -> delete.delete(new DeleteInstanceCommand(principal, SOME_INSTANCE, Option.none())))),
                Named.of("action", new Guarded(Permission.ACTION, principal -> action.act(new InstanceActionCommand(principal,
                        SOME_INSTANCE, InstanceActionCommand.Action.STOP, Option.none())))),
                Named.of("access token", new Guarded(Permission.ACCESS,
                        principal -> token.accessToken(new GetAccessTokenQuery(principal, SOME_INSTANCE)))),
                Named.of("events", new Guarded(Permission.GET,
                        principal -> events.events(new InstanceEventsQuery(principal, SOME_INSTANCE, 0, 0)))),
                Named.of("renew lease", new Guarded(Permission.UPDATE,
                        principal -> renew.renew(new RenewLeaseCommand(principal, SOME_INSTANCE, 7_200, Option.none())))));
    }

    @ParameterizedTest
    @MethodSource("useCases")
    void aProjectThePrincipalMayNotActInIsRefusedBeforeAnythingIsRead(Guarded useCase) {
        Principal elsewhere = new Principal(OWNER, HashMap.of(OTHER_PROJECT, ProjectGrant.EVERYTHING));

        assertThat(useCase.call().as(elsewhere).getLeft()).isEqualTo(new DomainError.ProjectNotAllowed(PROJECT.value()));
    }

    @ParameterizedTest
    @MethodSource("useCases")
    void aPermissionNotGrantedIsRefusedNamingItBeforeAnythingIsRead(Guarded useCase) {
        Principal withoutIt = new Principal(OWNER, HashMap.of(PROJECT,
                new ProjectGrant(Permission.ALL.remove(useCase.permission()), false)));

        DomainError refused = useCase.call().as(withoutIt).getLeft();

        assertThat(refused).isEqualTo(new DomainError.PermissionNotGranted(useCase.permission().iamName()));
    }

    @Test
    void theProjectIsDecidedBeforeThePermission() {
        Principal nothingHere = new Principal(OWNER, HashMap.of(OTHER_PROJECT, new ProjectGrant(HashSet.empty(), false)));
        var get = new GetInstanceService(untouched(InstanceStore.class), new FreeFlavorQueues(untouched(QueuedInstances.class), 1),
                new SettableClock(NOW));

        assertThat(get.get(new GetInstanceQuery(nothingHere, SOME_INSTANCE)).getLeft())
                .isEqualTo(new DomainError.ProjectNotAllowed(PROJECT.value()));
    }

    @Test
    void onePermissionGrantsItsUseCaseAndNoOther() {
        var store = new InMemoryInstanceStore();
        Instance stored = store.given(anInstance().status(InstanceStatus.RUNNING).build());
        var ref = new InstanceRef(PROJECT, stored.id());
        Principal readOnly = new Principal(OWNER, HashMap.of(PROJECT, new ProjectGrant(HashSet.of(Permission.GET), false)));
        var runtime = new RecordingRuntime();

        assertThat(new GetInstanceService(store, new FreeFlavorQueues(store, 1), new SettableClock(NOW)).get(new GetInstanceQuery(readOnly, ref))).isNotEmpty();
        assertThat(new GetAccessTokenService(store).accessToken(new GetAccessTokenQuery(readOnly, ref)).getLeft())
                .isEqualTo(new DomainError.PermissionNotGranted("access"));
        assertThat(new CreateInstanceService(store, SampleCatalog.catalog(), new FreeFlavorCapacity(store, 1), new FreeFlavorQueues(store, 1), runtime,
                new SequentialInstanceIds(), AutoStopPolicy.DEFAULT, IdleStopPolicy.DEFAULT, new SettableClock(NOW), StatusChangePublisher.NONE).create(aRequest().commandBy(readOnly)).getLeft())
                .isEqualTo(new DomainError.PermissionNotGranted("create"));
        assertThat(runtime.calls()).isEmpty();
    }

    @Test
    void theOwnerOfANewInstanceIsThePrincipalThatCreatesIt() {
        Principal bob = Principal.withEverythingIn(new UserRef("u-2", "bob"), HashSet.of(PROJECT));
        CreateInstanceCommand bobs = aRequest().commandBy(bob);

        assertThatThrownBy(() -> new CreateInstanceCommand(MEMBER, bobs.request())).isInstanceOf(IllegalArgumentException.class);
    }

    /** A port that fails the test if any of its methods is called. */
    private static <T> T untouched(Class<T> port) {
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[]{port}, (proxy, method, args) -> {
            throw new AssertionError(port.getSimpleName() + "." + method.getName() + " was called before access was decided");
        }));
    }
}
