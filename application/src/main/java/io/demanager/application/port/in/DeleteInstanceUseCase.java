package io.demanager.application.port.in;

import io.demanager.domain.error.DomainError;
import io.demanager.domain.instance.InstanceId;
import io.vavr.control.Either;

public interface DeleteInstanceUseCase {

    Either<DomainError, InstanceId> delete(DeleteInstanceCommand command);
}
