package io.demanager.application.service;

import io.demanager.application.port.in.GetAccessTokenUseCase;
import io.demanager.application.port.in.GetAccessTokenQuery;
import io.demanager.application.port.in.Permission;
import io.demanager.application.port.out.InstanceStore;
import io.demanager.domain.error.DomainError;
import io.demanager.domain.instance.NotebookAccess;
import io.vavr.control.Either;

/** The token of the running notebook, as the runtime reported it when the notebook answered. */
public final class GetAccessTokenService implements GetAccessTokenUseCase {

    private final InstanceLookup lookup;

    public GetAccessTokenService(InstanceStore store) {
        this.lookup = new InstanceLookup(store);
    }

    @Override
    public Either<DomainError, String> accessToken(GetAccessTokenQuery query) {
        return lookup.find(query.principal(), query.instance(), Permission.ACCESS)
                .flatMap(found -> found.access().toEither(DomainError.NotRunning::new))
                .map(NotebookAccess::token);
    }
}
