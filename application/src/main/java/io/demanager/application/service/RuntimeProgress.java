package io.demanager.application.service;

import io.demanager.application.port.in.InstanceRef;
import io.demanager.application.port.in.InstanceSnapshot;
import io.demanager.application.port.out.InstanceStore;
import io.demanager.application.port.out.NotebookRuntime;
import io.demanager.application.port.out.StatusChangePublisher;
import io.demanager.domain.catalog.Flavor;
import io.demanager.domain.error.DomainError;
import io.demanager.domain.instance.Instance;
import io.demanager.domain.instance.InstanceStatus;
import io.demanager.domain.instance.RuntimeEvent;
import io.demanager.domain.instance.TransitionCause;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.time.Clock;

/**
 * Applying the runtime's progress: the change is stored with its cause, the runtime is asked for the work that a
 * queued instance was waiting for, and when an instance of a free flavor gives its place back, the oldest queued
 * instances of that flavor take the places there are.
 */
final class RuntimeProgress {

    private static final RuntimeEvent ADMISSION = new RuntimeEvent.CapacityFreed();

    private final InstanceStore store;
    private final TransitionWriter writer;
    private final FreeFlavorCapacity freeCapacity;
    private final NotebookRuntime runtime;
    private final Clock clock;
    private final StatusChangePublisher statusChanges;

    RuntimeProgress(InstanceStore store, FreeFlavorCapacity freeCapacity, NotebookRuntime runtime,
                    Clock clock, StatusChangePublisher statusChanges) {
        this.store = store;
        this.writer = new TransitionWriter(store);
        this.freeCapacity = freeCapacity;
        this.runtime = runtime;
        this.clock = clock;
        this.statusChanges = statusChanges;
    }

    Either<DomainError, InstanceSnapshot> record(InstanceRef ref, RuntimeEvent event) {
        return store.find(ref.projectId(), ref.instanceId())
                .toEither(() -> (DomainError) new DomainError.InstanceNotFound(ref.instanceId().value()))
                .flatMap(current -> record(current, event));
    }

    /** Apply {@code event} to {@code current} as read; if it has changed since, the write loses with 6357. */
    Either<DomainError, InstanceSnapshot> record(Instance current, RuntimeEvent event) {
        var now = clock.instant();
        return current.onRuntimeEvent(event, now)
                .flatMap(changed -> writer.write(changed, event.wireName(), TransitionCause.of(event)))
                .peek(saved -> statusChanges.publishWrite(Option.some(current.status()), saved, TransitionCause.of(event)))
                .peek(this::askRuntime)
                .peek(saved -> {
                    if (gaveItsPlaceBack(current, saved)) {
                        admitQueued(saved.flavor());
                    }
                })
                .map(saved -> new InstanceSnapshot(saved, now));
    }

    /**
     * While {@code flavor} has room, its oldest queued instance gets it: a queued creation goes on to CREATING,
     * a queued start to READY_TO_START and then STARTING. Each admission takes its place while no other admission
     * of the flavor runs, so a freed place lets exactly one instance in.
     */
    void admitQueued(Flavor flavor) {
        Option<Instance> admitted;
        while ((admitted = freeCapacity.admitOldest(flavor, queued -> queued.onRuntimeEvent(ADMISSION, clock.instant()))).isDefined()) {
            Instance head = admitted.get();
            statusChanges.publishWrite(Option.some(queuedStatus(head)), head, TransitionCause.RUNTIME_PROGRESS);
            if (head.status() == InstanceStatus.READY_TO_START) {
                record(head, new RuntimeEvent.StartLaunched());
            } else {
                askRuntime(head);
            }
        }
    }

    /** A queued instance that got room goes on to the work it was waiting for. */
    private void askRuntime(Instance saved) {
        RuntimeWork.askFor(runtime, saved);
    }

    /** The queue an admitted instance waited in: a creation's, or a start's. */
    private static InstanceStatus queuedStatus(Instance admitted) {
        return admitted.status() == InstanceStatus.CREATING ? InstanceStatus.CREATE_QUEUING : InstanceStatus.START_QUEUING;
    }

    private static boolean gaveItsPlaceBack(Instance before, Instance after) {
        return after.flavor().isFree() && before.status().holdsCapacity() && !after.status().holdsCapacity();
    }
}
