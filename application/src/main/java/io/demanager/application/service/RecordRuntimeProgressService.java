package io.demanager.application.service;

import io.demanager.application.port.in.InstanceRef;
import io.demanager.application.port.in.InstanceSnapshot;
import io.demanager.application.port.in.RecordRuntimeProgressUseCase;
import io.demanager.application.port.out.InstanceStore;
import io.demanager.application.port.out.NotebookRuntime;
import io.demanager.domain.error.DomainError;
import io.demanager.domain.instance.InstanceStatus;
import io.demanager.domain.instance.RuntimeEvent;
import io.vavr.control.Either;

import java.time.Clock;

public final class RecordRuntimeProgressService implements RecordRuntimeProgressUseCase {

    private final InstanceLookup lookup;
    private final NotebookRuntime runtime;
    private final Clock clock;

    public RecordRuntimeProgressService(InstanceStore store, NotebookRuntime runtime, Clock clock) {
        this.lookup = new InstanceLookup(store);
        this.runtime = runtime;
        this.clock = clock;
    }

    @Override
    public Either<DomainError, InstanceSnapshot> record(InstanceRef instance, RuntimeEvent event) {
        var now = clock.instant();
        return lookup.find(instance)
                .flatMap(current -> current.onRuntimeEvent(event, now))
                .flatMap(changed -> lookup.save(changed, event.wireName()))
                .peek(saved -> {
                    // A queued instance that got room goes on to the work it was waiting for.
                    if (saved.status() == InstanceStatus.CREATING) {
                        runtime.create(saved);
                    } else if (saved.status() == InstanceStatus.STARTING) {
                        runtime.start(saved);
                    }
                })
                .map(saved -> new InstanceSnapshot(saved, now));
    }
}
