package io.demanager.application.port.in;

import io.demanager.domain.error.DomainError;
import io.vavr.control.Either;

/** A token that opens the notebook; only while it is RUNNING (else 6327). */
public interface GetAccessTokenUseCase {

    Either<DomainError, String> accessToken(GetAccessTokenQuery query);
}
