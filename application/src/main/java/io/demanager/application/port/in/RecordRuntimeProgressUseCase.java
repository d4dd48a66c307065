package io.demanager.application.port.in;

import io.demanager.domain.error.DomainError;
import io.demanager.domain.instance.RuntimeEvent;
import io.vavr.control.Either;

/** The runtime that runs notebooks reports what became of the work it was asked to do. */
public interface RecordRuntimeProgressUseCase {

    Either<DomainError, InstanceSnapshot> record(InstanceRef instance, RuntimeEvent event);
}
