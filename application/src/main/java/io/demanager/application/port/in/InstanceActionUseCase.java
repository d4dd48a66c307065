package io.demanager.application.port.in;

import io.demanager.domain.error.DomainError;
import io.demanager.domain.instance.InstanceStatus;
import io.vavr.control.Either;

/** Start, stop, restart, queue or dequeue an instance. */
public interface InstanceActionUseCase {

    Either<DomainError, StatusChange> act(InstanceActionCommand command);

    record StatusChange(InstanceStatus previous, InstanceStatus current) {
    }
}
