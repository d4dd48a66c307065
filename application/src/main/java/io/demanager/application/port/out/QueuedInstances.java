package io.demanager.application.port.out;

import io.demanager.domain.instance.Instance;
import io.vavr.collection.List;

/** The queue of a free flavor: its instances in CREATE_QUEUING or START_QUEUING, across every project. */
public interface QueuedInstances {

    /** Up to {@code limit} queued instances of the flavor, those that joined the queue first first. */
    List<Instance> oldestQueued(String flavorName, int limit);
}
