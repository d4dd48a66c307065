package io.demanager.application.port.in;

import io.demanager.domain.error.DomainError;
import io.vavr.control.Either;

public interface GetInstanceUseCase {

    Either<DomainError, InstanceSnapshot> get(GetInstanceQuery query);
}
