package io.demanager.application.port.in;

import io.demanager.domain.instance.AiProjectId;
import io.demanager.domain.instance.InstanceStatus;
import io.demanager.domain.instance.PoolId;
import io.demanager.domain.instance.ProjectId;
import io.demanager.domain.instance.WorkspaceId;
import io.vavr.control.Option;

import java.util.Objects;

/**
 * Which instances of a project {@code principal} lists, in which order, and which page of them.
 *
 * @param showSelf only the principal's own instances; a principal restricted to its own sees only those anyway
 * @param limit    at most this many; 0 for all
 */
public record ListInstancesQuery(
        Principal principal,
        ProjectId projectId,
        Option<InstanceStatus> status,
        WorkspaceId workspaceId,
        Option<AiProjectId> aiProjectId,
        Option<PoolId> poolId,
        boolean showSelf,
        SortField sortBy,
        SortOrder order,
        int offset,
        int limit) {

    public enum SortField { NAME, CREATION_TIMESTAMP }

    public enum SortOrder { ASC, DESC }

    public ListInstancesQuery {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(aiProjectId, "aiProjectId");
        Objects.requireNonNull(poolId, "poolId");
        Objects.requireNonNull(sortBy, "sortBy");
        Objects.requireNonNull(order, "order");
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit are not negative");
        }
    }
}
