package io.demanager.application.port.in;

import io.demanager.domain.catalog.Flavor;

/** A free flavor's places and queue now, for a catalog that shows whether it is sold out and how long a newcomer waits. */
public interface GetFreeFlavorQueueUseCase {

    FreeFlavorQueue queueOf(Flavor free);
}
