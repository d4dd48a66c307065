package io.demanager.application.port.out;

import io.demanager.domain.instance.AiProjectId;
import io.demanager.domain.instance.Instance;
import io.demanager.domain.instance.InstanceStatus;
import io.demanager.domain.instance.PoolId;
import io.demanager.domain.instance.ProjectId;
import io.demanager.domain.instance.WorkspaceId;
import io.vavr.collection.List;
import io.vavr.control.Option;

import java.util.Comparator;
import java.util.Objects;

/**
 * Which instances of a project to list, in which order, and which page of them.
 *
 * @param ownerId  only this user's instances ({@code show_self}); none for everybody's
 * @param limit    at most this many; 0 for all
 */
public record InstanceListing(
        ProjectId projectId,
        Option<InstanceStatus> status,
        WorkspaceId workspaceId,
        Option<AiProjectId> aiProjectId,
        Option<PoolId> poolId,
        Option<String> ownerId,
        SortField sortBy,
        SortOrder order,
        int offset,
        int limit) {

    public enum SortField { NAME, CREATION_TIMESTAMP }

    public enum SortOrder { ASC, DESC }

    public InstanceListing {
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(aiProjectId, "aiProjectId");
        Objects.requireNonNull(poolId, "poolId");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(sortBy, "sortBy");
        Objects.requireNonNull(order, "order");
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit are not negative");
        }
    }

    /** Whether this listing selects {@code instance}: a live instance of the project that passes every filter given. */
    public boolean selects(Instance instance) {
        return !instance.isDeleted()
                && instance.projectId().equals(projectId)
                && status.forAll(wanted -> instance.status() == wanted)
                && instance.workspaceId().equals(workspaceId)
                && aiProjectId.forAll(instance.aiProjectId()::equals)
                && poolId.forAll(wanted -> instance.pool().exists(pool -> pool.id().equals(wanted)))
                && ownerId.forAll(instance.owner().id()::equals);
    }

    /** Names sort by code point (they are ASCII); ties are broken by id, in the same direction, so pages are stable. */
    public Comparator<Instance> ordering() {
        Comparator<Instance> byField = sortBy == SortField.NAME
                ? Comparator.comparing(instance -> instance.name().value())
                : Comparator.comparing(Instance::createdAt);
        Comparator<Instance> ascending = byField.thenComparing(instance -> instance.id().value());
        return order == SortOrder.ASC ? ascending : ascending.reversed();
    }

    /** The part of {@code sorted} from {@code offset}, at most {@code limit} long; a limit of 0 takes all the rest. */
    public static <T> List<T> page(List<T> sorted, int offset, int limit) {
        List<T> fromOffset = sorted.drop(offset);
        return limit == 0 ? fromOffset : fromOffset.take(limit);
    }
}
