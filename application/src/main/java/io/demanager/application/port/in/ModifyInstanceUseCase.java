package io.demanager.application.port.in;

import io.demanager.domain.error.DomainError;
import io.vavr.control.Either;

/** The central operation of the API: change an instance's description and auto-stop settings. */
public interface ModifyInstanceUseCase {

    Either<DomainError, InstanceSnapshot> modify(ModifyInstanceCommand command);
}
