package io.demanager.application.port.in;

import io.demanager.domain.error.DomainError;
import io.demanager.domain.instance.InstanceId;
import io.demanager.domain.instance.ProjectId;
import io.vavr.control.Either;

/** An instance as a caller names it: its project and its id. */
public record InstanceRef(ProjectId projectId, InstanceId instanceId) {

    /** The ids as written in a request; an id that cannot exist names no instance (6309). */
    public static Either<DomainError, InstanceRef> of(String projectId, String instanceId) {
        return ProjectId.of(projectId).flatMap(project -> InstanceId.parse(instanceId)
                .toEither(() -> (DomainError) new DomainError.InstanceNotFound(String.valueOf(instanceId)))
                .map(id -> new InstanceRef(project, id)));
    }
}
