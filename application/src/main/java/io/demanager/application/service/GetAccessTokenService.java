package io.demanager.application.service;

import io.demanager.application.port.in.GetAccessTokenUseCase;
import io.demanager.application.port.in.GetAccessTokenQuery;
import io.demanager.application.port.in.Permission;
import io.demanager.application.port.out.InstanceStore;
import io.demanager.application.port.out.NotebookRuntime;
import io.demanager.domain.error.DomainError;
import io.demanager.domain.instance.InstanceStatus;
import io.vavr.control.Either;

public final class GetAccessTokenService implements GetAccessTokenUseCase {

    private final InstanceLookup lookup;
    private final NotebookRuntime runtime;

    public GetAccessTokenService(InstanceStore store, NotebookRuntime runtime) {
        this.lookup = new InstanceLookup(store);
        this.runtime = runtime;
    }

    @Override
    public Either<DomainError, String> accessToken(GetAccessTokenQuery query) {
        return lookup.find(query.principal(), query.instance(), Permission.ACCESS)
                .filterOrElse(found -> found.status() == InstanceStatus.RUNNING, found -> new DomainError.NotRunning())
                .map(runtime::accessToken);
    }
}
