package io.demanager.application.service;

import io.demanager.application.port.in.InstanceRef;
import io.demanager.application.port.out.InstanceStore;
import io.demanager.domain.error.DomainError;
import io.demanager.domain.instance.Instance;
import io.demanager.domain.instance.TransitionCause;
import io.vavr.control.Either;
import io.vavr.control.Option;

/** Reading the instance a request names, and checking the version the caller says it saw. */
final class InstanceLookup {

    private final InstanceStore store;

    InstanceLookup(InstanceStore store) {
        this.store = store;
    }

    Either<DomainError, Instance> find(InstanceRef ref) {
        return store.find(ref.projectId(), ref.instanceId())
                .toEither(() -> new DomainError.InstanceNotFound(ref.instanceId().value()));
    }

    Either<DomainError, Instance> findAt(InstanceRef ref, Option<Long> expectedVersion) {
        return find(ref).flatMap(instance -> instance.ifAtVersion(expectedVersion));
    }

    /** Store a transition and its cause; losing the race to another write is refused with 6357. */
    Either<DomainError, Instance> save(Instance changed, String operation, TransitionCause cause) {
        return store.update(changed, cause)
                .mapLeft(stale -> new DomainError.OperationNotAllowed(changed.status().name(), operation));
    }
}
