package io.demanager.application.service;

import io.demanager.application.port.in.InstanceRef;
import io.demanager.application.port.in.Permission;
import io.demanager.application.port.in.Principal;
import io.demanager.application.port.out.InstanceStore;
import io.demanager.domain.error.DomainError;
import io.demanager.domain.instance.Instance;
import io.vavr.control.Either;
import io.vavr.control.Option;

/**
 * Reading the instance a principal names, once {@link AccessPolicy} lets it ask, and checking the version it says it
 * saw. An instance of another project, or another member's for a principal restricted to its own, does not exist
 * for it (6309).
 */
final class InstanceLookup {

    private final InstanceStore store;

    InstanceLookup(InstanceStore store) {
        this.store = store;
    }

    Either<DomainError, Instance> find(Principal principal, InstanceRef ref, Permission permission) {
        return AccessPolicy.permit(principal, ref.projectId(), permission)
                .flatMap(grant -> store.find(ref.projectId(), ref.instanceId())
                        .toEither(() -> (DomainError) new DomainError.InstanceNotFound(ref.instanceId().value()))
                        .flatMap(instance -> AccessPolicy.reach(principal, grant, instance)));
    }

    Either<DomainError, Instance> findAt(Principal principal, InstanceRef ref, Permission permission, Option<Long> expectedVersion) {
        return find(principal, ref, permission).flatMap(instance -> instance.ifAtVersion(expectedVersion));
    }
}
