package io.demanager.application.port.out;

import io.demanager.domain.instance.Instance;
import io.vavr.collection.List;
import io.vavr.control.Option;

import java.time.Instant;

/** The queue of a free flavor: its instances in CREATE_QUEUING or START_QUEUING, across every project. */
public interface QueuedInstances {

    /** Up to {@code limit} queued instances of the flavor, those that joined the queue first first. */
    List<Instance> oldestQueued(String flavorName, int limit);

    /** The place of a queued instance in its flavor's queue: 1 for the oldest (ties go by id). */
    long rank(Instance queued);

    /**
     * A flavor's queue as its users see it.
     *
     * @param placesFreeAt for each instance holding a place, the end of its running lease, or none when it has no
     *                     lease (it is not running yet, or stopping)
     * @param queued       how many instances wait in the queue
     */
    record QueueState(List<Option<Instant>> placesFreeAt, long queued) {
    }

    QueueState state(String flavorName);
}
