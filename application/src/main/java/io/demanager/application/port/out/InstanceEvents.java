package io.demanager.application.port.out;

import io.demanager.domain.instance.InstanceId;
import io.demanager.domain.instance.LifecycleEvent;
import io.demanager.domain.instance.ProjectId;
import io.vavr.collection.List;

/** The lifecycle events of an instance, as its store recorded them with each change of status. */
public interface InstanceEvents {

    /**
     * One page of the events of a live instance of {@code projectId}, newest first (highest version first).
     * An unknown, deleted or other project's instance has none.
     *
     * @param limit at most this many; 0 for all
     */
    EventPage events(ProjectId projectId, InstanceId instanceId, int offset, int limit);

    /** {@code totalCount} counts every event of the instance, not just this page. */
    record EventPage(long totalCount, List<LifecycleEvent> events) {
    }
}
