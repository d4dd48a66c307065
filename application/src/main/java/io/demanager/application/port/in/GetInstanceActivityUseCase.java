package io.demanager.application.port.in;

import io.demanager.domain.error.DomainError;
import io.vavr.control.Either;

/**
 * What an instance's notebook is doing and what idle stop makes of it: each signal with its time, the rule in force,
 * and when the instance would stop and why, or why it would not.
 */
public interface GetInstanceActivityUseCase {

    Either<DomainError, InstanceActivity> activity(GetInstanceActivityQuery query);
}
