package io.demanager.application.service;

import io.demanager.application.port.in.DeleteInstanceCommand;
import io.demanager.application.port.in.DeleteInstanceUseCase;
import io.demanager.application.port.in.Permission;
import io.demanager.application.port.out.InstanceStore;
import io.demanager.application.port.out.NotebookRuntime;
import io.demanager.application.port.out.StatusChangePublisher;
import io.demanager.domain.error.DomainError;
import io.demanager.domain.instance.Instance;
import io.demanager.domain.instance.InstanceId;
import io.demanager.domain.instance.TransitionCause;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.time.Clock;

public final class DeleteInstanceService implements DeleteInstanceUseCase {

    private final InstanceLookup lookup;
    private final TransitionWriter writer;
    private final NotebookRuntime runtime;
    private final Clock clock;
    private final StatusChangePublisher statusChanges;

    public DeleteInstanceService(InstanceStore store, NotebookRuntime runtime, Clock clock, StatusChangePublisher statusChanges) {
        this.lookup = new InstanceLookup(store);
        this.writer = new TransitionWriter(store);
        this.runtime = runtime;
        this.clock = clock;
        this.statusChanges = statusChanges;
    }

    @Override
    public Either<DomainError, InstanceId> delete(DeleteInstanceCommand command) {
        return lookup.findAt(command.principal(), command.instance(), Permission.DELETE, command.expectedVersion())
                .flatMap(instance -> instance.delete(clock.instant())
                        .flatMap(deleted -> writer.write(deleted, "delete", TransitionCause.USER_REQUEST))
                        .peek(saved -> statusChanges.publishWrite(Option.some(instance.status()), saved, TransitionCause.USER_REQUEST)))
                .peek(deleted -> RuntimeWork.askFor(runtime, deleted))
                .map(Instance::id);
    }
}
