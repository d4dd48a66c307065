package io.demanager.application.service;

import io.demanager.testkit.memory.InMemoryInstanceStore;
import io.demanager.testkit.SettableClock;
import io.demanager.application.port.in.InstanceRef;
import io.demanager.application.port.in.Permission;
import io.demanager.application.port.in.Principal;
import io.demanager.application.port.in.ProjectGrant;
import io.demanager.application.port.in.RenewLeaseCommand;
import io.demanager.domain.autostop.AutoStopLease;
import io.demanager.domain.autostop.AutoStopSettings;
import io.demanager.domain.autostop.LeaseRenewalPolicy;
import io.demanager.domain.error.DomainError;
import io.demanager.domain.instance.Instance;
import io.demanager.domain.instance.InstanceStatus;
import io.demanager.domain.instance.LifecycleEvent;
import io.demanager.domain.instance.TransitionCause;
import io.vavr.collection.HashMap;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.demanager.testkit.InstanceBuilder.OTHER_PROJECT;
import static io.demanager.testkit.InstanceBuilder.OWNER;
import static io.demanager.testkit.InstanceBuilder.PROJECT;
import static io.demanager.testkit.InstanceBuilder.anInstance;
import static io.demanager.testkit.Principals.MEMBER;
import static org.assertj.core.api.Assertions.assertThat;

class RenewLeaseServiceTest {

    private static final Instant NOW = Instant.parse("2024-07-01T10:00:00Z");
    private static final AutoStopSettings ONE_HOUR = new AutoStopSettings(true, Option.some(Duration.ofHours(1)), true);

    private final InMemoryInstanceStore store = new InMemoryInstanceStore();
    private final RenewLeaseService service = new RenewLeaseService(store, LeaseRenewalPolicy.DEFAULT, new SettableClock(NOW));

    @Test
    void theLeaseEndsTheDurationFromNowAndTheRenewalIsAnEvent() {
        Instance running = store.given(anInstance().autoStop(ONE_HOUR).runningUntil(NOW.plusSeconds(60)).version(4).build());

        var renewed = service.renew(new RenewLeaseCommand(MEMBER, ref(running), 7_200, Option.none())).get();

        assertThat(renewed.instance().lease()).containsExactly(new AutoStopLease(NOW.plusSeconds(7_200)));
        assertThat(renewed.remainTimeSeconds()).containsExactly(7_200L);
        assertThat(renewed.instance().autoStop()).isEqualTo(ONE_HOUR);
        assertThat(store.find(PROJECT, running.id())).containsExactly(renewed.instance());
        assertThat(store.eventsOf(running.id())).containsExactly(new LifecycleEvent(running.id(),
                Option.some(InstanceStatus.RUNNING), InstanceStatus.RUNNING, TransitionCause.LEASE_RENEWED, NOW, 5));
    }

    @Test
    void aStoppedInstanceIsNotRenewedAndNothingChanges() {
        Instance stopped = store.given(anInstance().status(InstanceStatus.STOPPED).build());

        assertThat(service.renew(new RenewLeaseCommand(MEMBER, ref(stopped), 7_200, Option.none())).getLeft())
                .isEqualTo(new DomainError.NotRunning());
        assertThat(store.find(PROJECT, stopped.id())).containsExactly(stopped);
        assertThat(store.eventsOf(stopped.id())).isEmpty();
    }

    @Test
    void aDurationOutOfBoundsChangesNothing() {
        Instance running = store.given(anInstance().runningUntil(NOW.plusSeconds(60)).build());

        assertThat(service.renew(new RenewLeaseCommand(MEMBER, ref(running), 259_201, Option.none())).getLeft())
                .isEqualTo(new DomainError.DurationOutOfRange(3_600, 259_200));
        assertThat(store.find(PROJECT, running.id())).containsExactly(running);
    }

    @Test
    void aStaleVersionOrAnotherProjectsInstanceIsRefused() {
        Instance running = store.given(anInstance().runningUntil(NOW.plusSeconds(60)).version(2).build());
        Instance theirs = store.given(anInstance().project(OTHER_PROJECT).runningUntil(NOW.plusSeconds(60)).build());

        assertThat(service.renew(new RenewLeaseCommand(MEMBER, ref(running), 3_600, Option.some(1L))).getLeft())
                .isEqualTo(new DomainError.VersionMismatch(1, 2));
        assertThat(service.renew(new RenewLeaseCommand(MEMBER, ref(theirs), 3_600, Option.none()))
                .getLeft()).isEqualTo(new DomainError.InstanceNotFound(theirs.id().value()));
        assertThat(service.renew(new RenewLeaseCommand(MEMBER, new InstanceRef(OTHER_PROJECT, theirs.id()), 3_600, Option.none()))
                .getLeft()).isEqualTo(new DomainError.ProjectNotAllowed(OTHER_PROJECT.value()));
        assertThat(store.find(PROJECT, running.id())).containsExactly(running);
        assertThat(store.find(OTHER_PROJECT, theirs.id())).containsExactly(theirs);
    }

    @Test
    void renewingNeedsTheUpdatePermissionAndChangesNothingWithoutIt() {
        Instance running = store.given(anInstance().runningUntil(NOW.plusSeconds(60)).build());
        Principal withoutUpdate = new Principal(OWNER, HashMap.of(PROJECT,
                new ProjectGrant(Permission.ALL.remove(Permission.UPDATE), false)));

        assertThat(service.renew(new RenewLeaseCommand(withoutUpdate, ref(running), 7_200, Option.none())).getLeft())
                .isEqualTo(new DomainError.PermissionNotGranted("update"));
        assertThat(store.find(PROJECT, running.id())).containsExactly(running);
        assertThat(store.eventsOf(running.id())).isEmpty();
    }

    private static InstanceRef ref(Instance instance) {
        return new InstanceRef(PROJECT, instance.id());
    }
}
