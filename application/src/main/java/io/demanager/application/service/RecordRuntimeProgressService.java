package io.demanager.application.service;

import io.demanager.application.port.in.InstanceRef;
import io.demanager.application.port.in.InstanceSnapshot;
import io.demanager.application.port.in.RecordRuntimeProgressUseCase;
import io.demanager.application.port.out.InstanceStore;
import io.demanager.application.port.out.NotebookRuntime;
import io.demanager.application.port.out.StatusChangePublisher;
import io.demanager.domain.error.DomainError;
import io.demanager.domain.instance.RuntimeEvent;
import io.vavr.control.Either;

import java.time.Clock;

/**
 * Records what the runtime reports, with cause failure or runtime progress. An instance of a free flavor that
 * gives its place back (stopped, failed, unavailable) lets the oldest queued instances of its flavor in.
 */
public final class RecordRuntimeProgressService implements RecordRuntimeProgressUseCase {

    private final RuntimeProgress progress;

    public RecordRuntimeProgressService(InstanceStore store, FreeFlavorCapacity freeCapacity,
                                        NotebookRuntime runtime, Clock clock, StatusChangePublisher statusChanges) {
        this.progress = new RuntimeProgress(store, freeCapacity, runtime, clock, statusChanges);
    }

    @Override
    public Either<DomainError, InstanceSnapshot> record(InstanceRef instance, RuntimeEvent event) {
        return progress.record(instance, event);
    }
}
