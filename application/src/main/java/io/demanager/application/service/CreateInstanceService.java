package io.demanager.application.service;

import io.demanager.application.port.in.CreateInstanceCommand;
import io.demanager.application.port.in.CreateInstanceUseCase;
import io.demanager.application.port.in.InstanceSnapshot;
import io.demanager.application.port.in.Permission;
import io.demanager.application.port.out.Catalog;

import io.demanager.application.port.out.InstanceIds;
import io.demanager.application.port.out.InstanceStore;
import io.demanager.application.port.out.NotebookRuntime;
import io.demanager.application.port.out.StatusChangePublisher;
import io.demanager.domain.autostop.AutoStopPolicy;
import io.demanager.domain.error.DomainError;
import io.demanager.domain.idle.IdleStopPolicy;
import io.demanager.domain.instance.Instance;
import io.demanager.domain.instance.InstanceCreation;
import io.demanager.domain.instance.TransitionCause;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.function.Function;

import java.time.Clock;

public final class CreateInstanceService implements CreateInstanceUseCase {

    private final InstanceStore store;
    private final Catalog catalog;
    private final FreeFlavorCapacity freeCapacity;
    private final NotebookRuntime runtime;
    private final InstanceIds ids;
    private final AutoStopPolicy policy;
    private final IdleStopPolicy idlePolicy;
    private final Clock clock;
    private final StatusChangePublisher statusChanges;
    private final FreeFlavorQueues views;

    public CreateInstanceService(InstanceStore store, Catalog catalog, FreeFlavorCapacity freeCapacity, FreeFlavorQueues views,
                                 NotebookRuntime runtime, InstanceIds ids, AutoStopPolicy policy, IdleStopPolicy idlePolicy, Clock clock,
                                 StatusChangePublisher statusChanges) {
        this.views = views;
        this.store = store;
        this.catalog = catalog;
        this.freeCapacity = freeCapacity;
        this.runtime = runtime;
        this.ids = ids;
        this.policy = policy;
        this.idlePolicy = idlePolicy;
        this.clock = clock;
        this.statusChanges = statusChanges;
    }

    @Override
    public Either<DomainError, InstanceSnapshot> create(CreateInstanceCommand command) {
        InstanceCreation.Request request = command.request();
        return AccessPolicy.permit(command.principal(), request.projectId(), Permission.CREATE)
                .flatMap(grant -> create(request));
    }

    /**
     * The request is checked first, so that a refused one never waits for its flavor's places; then it is created
     * again, told whether it has a place, while its admission holds them.
     */
    private Either<DomainError, InstanceSnapshot> create(InstanceCreation.Request request) {
        var flavor = catalog.flavor(request.flavorName());
        var profile = catalog.profile(request.profileId());
        var newId = ids.next();
        var now = clock.instant();
        Function<Boolean, Either<DomainError, Instance>> creation = hasRoom -> InstanceCreation.create(request,
                new InstanceCreation.Context(profile, flavor, hasRoom, policy, idlePolicy, newId, now));
        return creation.apply(true)
                .flatMap(valid -> freeCapacity.insert(valid.flavor(), store, creation))
                .peek(created -> statusChanges.publishWrite(Option.none(), created, TransitionCause.USER_REQUEST))
                .peek(created -> RuntimeWork.askFor(runtime, created))
                .map(created -> views.snapshot(created, now));
    }
}
