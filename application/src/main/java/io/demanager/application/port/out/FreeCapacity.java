package io.demanager.application.port.out;

import io.demanager.domain.catalog.Flavor;

/** Whether a free flavor may take one more instance now, or the newcomer has to queue. */
public interface FreeCapacity {

    boolean hasRoomFor(Flavor flavor);
}
