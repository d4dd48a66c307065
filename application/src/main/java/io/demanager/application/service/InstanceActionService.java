package io.demanager.application.service;

import io.demanager.application.port.in.InstanceActionCommand;
import io.demanager.application.port.in.InstanceActionUseCase;
import io.demanager.application.port.in.Permission;

import io.demanager.application.port.out.InstanceStore;
import io.demanager.application.port.out.NotebookRuntime;
import io.demanager.application.port.out.StatusChangePublisher;
import io.demanager.domain.error.DomainError;
import io.demanager.domain.instance.Instance;
import io.demanager.domain.instance.TransitionCause;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

public final class InstanceActionService implements InstanceActionUseCase {

    private final InstanceLookup lookup;
    private final TransitionWriter writer;
    private final FreeFlavorCapacity freeCapacity;
    private final NotebookRuntime runtime;
    private final Clock clock;
    private final StatusChangePublisher statusChanges;

    public InstanceActionService(InstanceStore store, FreeFlavorCapacity freeCapacity, NotebookRuntime runtime, Clock clock,
                                 StatusChangePublisher statusChanges) {
        this.lookup = new InstanceLookup(store);
        this.writer = new TransitionWriter(store);
        this.freeCapacity = freeCapacity;
        this.runtime = runtime;
        this.clock = clock;
        this.statusChanges = statusChanges;
    }

    @Override
    public Either<DomainError, StatusChange> act(InstanceActionCommand command) {
        var now = clock.instant();
        String operation = command.action().name().toLowerCase(Locale.ROOT);
        return lookup.findAt(command.principal(), command.instance(), Permission.ACTION, command.expectedVersion())
                .flatMap(current -> write(command.action(), current, operation, now)
                        .peek(saved -> statusChanges.publishWrite(Option.some(current.status()), saved, TransitionCause.USER_REQUEST))
                        .peek(this::askRuntime)
                        .map(saved -> new StatusChange(current.status(), saved.status())));
    }

    /** A start of a free flavor's instance may take a place: it is decided and written as an admission. */
    private Either<DomainError, Instance> write(InstanceActionCommand.Action action, Instance current, String operation,
                                                Instant now) {
        if (action == InstanceActionCommand.Action.START && current.flavor().isFree()) {
            return freeCapacity.update(current.flavor(), hasRoom -> current.start(hasRoom, now), TransitionCause.USER_REQUEST)
                    .flatMap(written -> written.mapLeft(stale -> writer.refusal(current, operation)));
        }
        return apply(action, current, now).flatMap(changed -> writer.write(changed, operation, TransitionCause.USER_REQUEST));
    }

    private static Either<DomainError, Instance> apply(InstanceActionCommand.Action action, Instance instance, Instant now) {
        return switch (action) {
            case START -> instance.start(true, now);
            case STOP -> instance.stop(now);
            case RESTART -> instance.restart(now);
            case QUEUE -> instance.queue(now);
            case DEQUEUE -> instance.dequeue(now);
        };
    }

    /** The runtime only hears of work it has to do: queuing and dequeuing are bookkeeping. */
    private void askRuntime(Instance saved) {
        RuntimeWork.askFor(runtime, saved);
    }
}
