package io.demanager.application.port.out;

import io.demanager.domain.instance.Instance;
import io.demanager.domain.instance.InstanceId;
import io.demanager.domain.instance.InstanceStatus;
import io.vavr.collection.List;
import io.vavr.collection.Set;
import io.vavr.control.Option;

/**
 * Live instances in some statuses, or running with idle stop enabled, across every project, read page by page in the
 * order of their ids.
 */
public interface InstancesInStatus {

    /**
     * Up to {@code limit} instances in one of {@code statuses} whose id comes after {@code after} (from the first
     * when none), by increasing id. Paging by id rather than by offset never skips an instance when others leave
     * the statuses between two pages.
     */
    List<Instance> inStatus(Set<InstanceStatus> statuses, Option<InstanceId> after, int limit);

    /**
     * Up to {@code limit} RUNNING instances whose idle stop is enabled, in every project, whose id comes after
     * {@code after}, by increasing id: the idle-stop engine's candidates.
     */
    List<Instance> runningWithIdleStop(Option<InstanceId> after, int limit);

    /** Which of {@code ids} are live instances, in any project: stored and not deleted. */
    Set<InstanceId> liveAmong(Set<InstanceId> ids);
}
