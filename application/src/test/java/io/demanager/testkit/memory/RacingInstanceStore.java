package io.demanager.testkit.memory;

import io.demanager.application.port.out.InstanceListing;
import io.demanager.application.port.out.InstancePage;
import io.demanager.application.port.out.InstanceStore;
import io.demanager.domain.error.DomainError;
import io.demanager.domain.instance.Instance;
import io.demanager.domain.instance.InstanceId;
import io.demanager.domain.instance.ProjectId;
import io.demanager.domain.instance.TransitionCause;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A store whose next updates a test can make lose their race, as they would when another client writes first:
 * {@link #raceNextUpdates}. A change of settings loses no race but waits for its turn: the racing writes still
 * queued are stored before it. Everything else goes to the store it wraps, unchanged.
 */
public final class RacingInstanceStore implements InstanceStore {

    private final InstanceStore store;
    private final Queue<UnaryOperator<Instance>> racingWrites = new ConcurrentLinkedQueue<>();

    public RacingInstanceStore(InstanceStore store) {
        this.store = store;
    }

    /**
     * Each of the next {@code times} updates loses its race: just before it, another writer updates the stored
     * instance to {@code otherWrite} of it, which takes the next version.
     */
    public void raceNextUpdates(int times, UnaryOperator<Instance> otherWrite) {
        for (int i = 0; i < times; i++) {
            racingWrites.add(otherWrite);
        }
    }

    @Override
    public Either<StaleWrite, Instance> update(Instance changed, TransitionCause cause) {
        UnaryOperator<Instance> otherWrite = racingWrites.poll();
        if (otherWrite != null) {
            store.find(changed.projectId(), changed.id())
                    .peek(stored -> store.update(otherWrite.apply(stored), TransitionCause.USER_REQUEST).get());
        }
        return store.update(changed, cause);
    }

    @Override
    public Either<DomainError, Instance> modifySettings(ProjectId projectId, InstanceId instanceId,
                                                        Function<Instance, Either<DomainError, Instance>> change) {
        for (UnaryOperator<Instance> otherWrite = racingWrites.poll(); otherWrite != null; otherWrite = racingWrites.poll()) {
            UnaryOperator<Instance> write = otherWrite;
            store.find(projectId, instanceId)
                    .peek(stored -> store.update(write.apply(stored), TransitionCause.USER_REQUEST).get());
        }
        return store.modifySettings(projectId, instanceId, change);
    }

    @Override
    public Option<Instance> find(ProjectId projectId, InstanceId instanceId) {
        return store.find(projectId, instanceId);
    }

    @Override
    public InstancePage list(InstanceListing listing) {
        return store.list(listing);
    }

    @Override
    public Either<DomainError, Instance> insert(Instance instance) {
        return store.insert(instance);
    }
}
