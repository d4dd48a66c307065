package io.demanager.application.service;

import io.demanager.application.port.in.FreeFlavorQueue;
import io.demanager.application.port.in.GetFreeFlavorQueueUseCase;
import io.demanager.domain.catalog.Flavor;

import java.time.Clock;

public final class GetFreeFlavorQueueService implements GetFreeFlavorQueueUseCase {

    private final FreeFlavorQueues queues;
    private final Clock clock;

    public GetFreeFlavorQueueService(FreeFlavorQueues queues, Clock clock) {
        this.queues = queues;
        this.clock = clock;
    }

    @Override
    public FreeFlavorQueue queueOf(Flavor free) {
        return queues.queueOf(free, clock.instant());
    }
}
