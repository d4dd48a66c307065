package io.demanager.application.port.in;

import io.demanager.domain.error.DomainError;
import io.vavr.control.Either;

/**
 * Who a request comes from, before anything else of it is read: the principal its token names (no token, or one
 * nobody issued: 6620), provided it may act in the project the request names (else 6621).
 */
public interface IdentifyCallerUseCase {

    Either<DomainError, Principal> identify(IdentifyCallerQuery query);
}
