package io.demanager.domain.instance;

import io.vavr.control.Option;

import java.util.Objects;

/**
 * Which live instances of a project a list takes: those in one workspace and, where given, in one status, of one
 * AI project and in one dedicated pool.
 */
public record InstanceFilter(
        Option<InstanceStatus> status,
        WorkspaceId workspaceId,
        Option<AiProjectId> aiProjectId,
        Option<PoolId> poolId) {

    public InstanceFilter {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(aiProjectId, "aiProjectId");
        Objects.requireNonNull(poolId, "poolId");
    }
}
