package io.demanager.application.service;

import io.demanager.application.port.out.InstanceStore;
import io.demanager.domain.error.DomainError;
import io.demanager.domain.instance.Instance;
import io.demanager.domain.instance.TransitionCause;
import io.vavr.control.Either;

/** Writing a change of status read earlier: losing the race to another write is refused with 6357. */
final class TransitionWriter {

    private final InstanceStore store;

    TransitionWriter(InstanceStore store) {
        this.store = store;
    }

    /** Store {@code changed} and its cause; {@code operation} names what was asked, for the refusal. */
    Either<DomainError, Instance> write(Instance changed, String operation, TransitionCause cause) {
        return store.update(changed, cause).mapLeft(stale -> refusal(changed, operation));
    }

    /** The refusal of a write of {@code changed} that lost its race. */
    DomainError refusal(Instance changed, String operation) {
        return new DomainError.OperationNotAllowed(changed.status().name(), operation);
    }
}
