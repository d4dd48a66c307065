package io.demanager.application.service;

import io.demanager.application.port.in.InstanceSnapshot;
import io.demanager.application.port.in.ModifyInstanceCommand;
import io.demanager.application.port.in.ModifyInstanceUseCase;
import io.demanager.application.port.in.Permission;
import io.demanager.application.port.out.InstanceStore;
import io.demanager.domain.autostop.AutoStopPolicy;
import io.demanager.domain.error.DomainError;
import io.demanager.domain.idle.IdleStopPolicy;
import io.demanager.domain.instance.Instance;
import io.vavr.control.Either;

import java.time.Clock;

/**
 * Modify applies the command to the latest stored state, one writer of an instance at a time (see
 * {@link InstanceStore#modifySettings}): concurrent changes of one instance are applied one after the other, so none
 * is refused and none is lost. A caller that names the version it saw ({@code If-Match}) is refused with 412 when the
 * instance is at another one by its turn.
 */
public final class ModifyInstanceService implements ModifyInstanceUseCase {

    private final InstanceStore store;
    private final AutoStopPolicy policy;
    private final IdleStopPolicy idlePolicy;
    private final Clock clock;

    public ModifyInstanceService(InstanceStore store, AutoStopPolicy policy, IdleStopPolicy idlePolicy, Clock clock) {
        this.store = store;
        this.policy = policy;
        this.idlePolicy = idlePolicy;
        this.clock = clock;
    }

    @Override
    public Either<DomainError, InstanceSnapshot> modify(ModifyInstanceCommand command) {
        var ref = command.instance();
        return AccessPolicy.permit(command.principal(), ref.projectId(), Permission.UPDATE)
                .flatMap(grant -> store.modifySettings(ref.projectId(), ref.instanceId(), current ->
                        AccessPolicy.reach(command.principal(), grant, current)
                                .flatMap(reached -> reached.ifAtVersion(command.expectedVersion()))
                                .flatMap(seen -> seen.modify(command.description(), command.autoStop(), policy,
                                        command.idleStop(), idlePolicy, clock.instant()))))
                .map(stored -> new InstanceSnapshot(stored, stored.updatedAt()));
    }
}
