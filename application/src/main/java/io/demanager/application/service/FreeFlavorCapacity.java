package io.demanager.application.service;

import io.demanager.application.port.out.ActiveInstances;
import io.demanager.domain.catalog.Flavor;

/** Each free flavor runs at most {@code capacity} instances at once; the rest wait in its queue. */
public final class FreeFlavorCapacity {

    private final ActiveInstances activeInstances;
    private final int capacity;

    public FreeFlavorCapacity(ActiveInstances activeInstances, int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("a free flavor's capacity is not negative");
        }
        this.activeInstances = activeInstances;
        this.capacity = capacity;
    }

    /** Whether one more instance of {@code flavor} may run now; paid flavors always have room. */
    public boolean hasRoomFor(Flavor flavor) {
        return !flavor.isFree() || activeInstances.countHoldingCapacity(flavor.name()) < capacity;
    }
}
