package io.demanager.application.service;

import io.demanager.application.port.in.FreeFlavorQueue;
import io.demanager.application.port.in.InstanceSnapshot;
import io.demanager.application.port.in.QueuePosition;
import io.demanager.application.port.out.QueuedInstances;
import io.demanager.application.port.out.QueuedInstances.QueueState;
import io.demanager.domain.catalog.Flavor;
import io.demanager.domain.instance.Instance;
import io.demanager.domain.instance.QueueForecast;
import io.vavr.control.Option;

import java.time.Duration;
import java.time.Instant;

/** What users see of the free flavors' queues: a flavor's wait, and a queued instance's rank and expected admission. */
public final class FreeFlavorQueues {

    private final QueuedInstances queues;
    private final int capacity;

    public FreeFlavorQueues(QueuedInstances queues, int capacity) {
        this.queues = queues;
        this.capacity = capacity;
    }

    /** {@code instance} with its flavor's queue and its place in it, when its flavor is free. */
    public InstanceSnapshot snapshot(Instance instance, Instant now) {
        if (!instance.flavor().isFree()) {
            return new InstanceSnapshot(instance, now);
        }
        QueueState state = queues.state(instance.flavor().name());
        Option<QueuePosition> position = instance.queuedSince().map(since -> {
            long rank = queues.rank(instance);
            return new QueuePosition(rank, since, admissionAt(instance.flavor(), state, rank, now));
        });
        return new InstanceSnapshot(instance, now, Option.some(queueOf(instance.flavor(), state, now)), position);
    }

    /** The queue of a free flavor now. */
    public FreeFlavorQueue queueOf(Flavor free, Instant now) {
        return queueOf(free, queues.state(free.name()), now);
    }

    private FreeFlavorQueue queueOf(Flavor free, QueueState state, Instant now) {
        boolean soldOut = state.placesFreeAt().size() + state.queued() >= capacity;
        return new FreeFlavorQueue(soldOut, state.queued(), admissionAt(free, state, state.queued() + 1, now));
    }

    private Option<Instant> admissionAt(Flavor free, QueueState state, long rank, Instant now) {
        Duration run = free.autoStopDuration().getOrElse(Duration.ZERO);
        return QueueForecast.admissionAt(state.placesFreeAt(), capacity, run, rank, now);
    }
}
