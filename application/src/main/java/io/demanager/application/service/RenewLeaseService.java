package io.demanager.application.service;

import io.demanager.application.port.in.InstanceSnapshot;
import io.demanager.application.port.in.Permission;
import io.demanager.application.port.in.RenewLeaseCommand;
import io.demanager.application.port.in.RenewLeaseUseCase;
import io.demanager.application.port.out.InstanceStore;
import io.demanager.domain.autostop.LeaseRenewalPolicy;
import io.demanager.domain.error.DomainError;
import io.demanager.domain.instance.TransitionCause;
import io.vavr.control.Either;

import java.time.Clock;

/**
 * Renewing needs the {@code update} permission, like changing the auto-stop settings. A renewal is written with its
 * {@link TransitionCause#LEASE_RENEWED} event; a lost race is refused with 6357.
 */
public final class RenewLeaseService implements RenewLeaseUseCase {

    private final InstanceLookup lookup;
    private final TransitionWriter writer;
    private final LeaseRenewalPolicy policy;
    private final Clock clock;

    public RenewLeaseService(InstanceStore store, LeaseRenewalPolicy policy, Clock clock) {
        this.lookup = new InstanceLookup(store);
        this.writer = new TransitionWriter(store);
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public Either<DomainError, InstanceSnapshot> renew(RenewLeaseCommand command) {
        var now = clock.instant();
        return lookup.findAt(command.principal(), command.instance(), Permission.UPDATE, command.expectedVersion())
                .flatMap(running -> running.renewLease(command.durationSeconds(), policy, now))
                .flatMap(renewed -> writer.write(renewed, "renew", TransitionCause.LEASE_RENEWED))
                .map(stored -> new InstanceSnapshot(stored, now));
    }
}
