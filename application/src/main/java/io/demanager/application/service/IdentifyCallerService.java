package io.demanager.application.service;

import io.demanager.application.port.in.IdentifyCallerQuery;
import io.demanager.application.port.in.IdentifyCallerUseCase;
import io.demanager.application.port.in.Principal;
import io.demanager.application.port.out.CallerIdentities;
import io.demanager.domain.error.DomainError;
import io.demanager.domain.instance.ProjectId;
import io.vavr.control.Either;

public final class IdentifyCallerService implements IdentifyCallerUseCase {

    private final CallerIdentities identities;

    public IdentifyCallerService(CallerIdentities identities) {
        this.identities = identities;
    }

    @Override
    public Either<DomainError, Principal> identify(IdentifyCallerQuery query) {
        return query.token()
                .filter(token -> !token.isEmpty())
                .flatMap(identities::byToken)
                .toEither(() -> (DomainError) new DomainError.Unauthenticated())
                .filterOrElse(principal -> ProjectId.of(query.project()).map(project -> principal.grantIn(project).isDefined())
                                .getOrElse(false),
                        principal -> new DomainError.ProjectNotAllowed(query.project()));
    }
}
