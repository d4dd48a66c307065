package io.demanager.application.port.in;

import io.demanager.domain.error.DomainError;
import io.vavr.control.Either;

public interface CreateInstanceUseCase {

    Either<DomainError, InstanceSnapshot> create(CreateInstanceCommand command);
}
