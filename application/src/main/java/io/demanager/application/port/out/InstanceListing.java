package io.demanager.application.port.out;

import io.demanager.domain.instance.AiProjectId;
import io.demanager.domain.instance.InstanceStatus;
import io.demanager.domain.instance.PoolId;
import io.demanager.domain.instance.ProjectId;
import io.demanager.domain.instance.WorkspaceId;
import io.vavr.control.Option;

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
}
