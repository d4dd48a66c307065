package io.demanager.application.service;

import io.demanager.application.port.out.ActiveInstances;
import io.demanager.application.port.out.ActiveInstances.Places;
import io.demanager.application.port.out.InstanceStore;
import io.demanager.application.port.out.InstanceStore.StaleWrite;
import io.demanager.domain.catalog.Flavor;
import io.demanager.domain.error.DomainError;
import io.demanager.domain.instance.Instance;
import io.demanager.domain.instance.TransitionCause;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.util.function.Function;

/**
 * Each free flavor runs at most {@code capacity} instances at once; the rest wait in its queue. A write that may take
 * a place is an admission of the store ({@link ActiveInstances}), which decides on the places as they are while no
 * other admission of the flavor runs, on any server: the capacity is never exceeded. A newcomer takes a place only
 * if none of the free places is owed to an instance already queued, so the queue keeps its order.
 */
public final class FreeFlavorCapacity {

    private final ActiveInstances places;
    private final int capacity;

    public FreeFlavorCapacity(ActiveInstances places, int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("a free flavor's capacity is not negative");
        }
        this.places = places;
        this.capacity = capacity;
    }

    public int capacity() {
        return capacity;
    }

    /**
     * Store the instance {@code create} makes, told whether it has a place; an instance of a paid flavor always has
     * one and is stored by {@code store} as it is.
     */
    Either<DomainError, Instance> insert(Flavor flavor, InstanceStore store, Function<Boolean, Either<DomainError, Instance>> create) {
        return flavor.isFree()
                ? places.insertAdmitting(flavor.name(), taken -> create.apply(hasRoom(taken)))
                : create.apply(true).flatMap(store::insert);
    }

    /** Write the transition {@code change} makes of an instance of a free flavor, told whether it has a place. */
    Either<DomainError, Either<StaleWrite, Instance>> update(Flavor flavor, Function<Boolean, Either<DomainError, Instance>> change,
                                                             TransitionCause cause) {
        return places.updateAdmitting(flavor.name(), taken -> change.apply(hasRoom(taken)), cause);
    }

    /** Let the oldest queued instance of {@code flavor} take a free place, if there is one; the admitted instance. */
    Option<Instance> admitOldest(Flavor flavor, Function<Instance, Either<DomainError, Instance>> admit) {
        return places.admitOldest(flavor.name(), capacity, admit, TransitionCause.RUNTIME_PROGRESS);
    }

    private boolean hasRoom(Places taken) {
        return taken.taken() + taken.queued() < capacity;
    }
}
