package io.demanager.application.service;

import io.demanager.application.port.in.Permission;
import io.demanager.application.port.in.Principal;
import io.demanager.application.port.in.ProjectGrant;
import io.demanager.domain.error.DomainError;
import io.demanager.domain.instance.Instance;
import io.demanager.domain.instance.ProjectId;
import io.vavr.control.Either;

/**
 * Who may do what: the one rule every use case a caller drives applies first, before it reads anything. A project
 * the principal may not act in is refused (6621), then a permission it is not granted there (6622, naming it).
 * What the grant then lets it see (every instance of the project, or only its own) is {@link ProjectGrant#reaches}.
 */
final class AccessPolicy {

    private AccessPolicy() {
    }

    /** The principal's grant in {@code project}, whatever it grants; 6621 if it may not act there at all. */
    static Either<DomainError, ProjectGrant> enter(Principal principal, ProjectId project) {
        return principal.grantIn(project).toEither(() -> (DomainError) new DomainError.ProjectNotAllowed(project.value()));
    }

    static Either<DomainError, ProjectGrant> permit(Principal principal, ProjectId project, Permission permission) {
        return enter(principal, project)
                .filterOrElse(grant -> grant.grants(permission), grant -> new DomainError.PermissionNotGranted(permission.iamName()));
    }

    /** {@code instance} of the project, if {@code grant} lets the principal see it; else it does not exist for it (6309). */
    static Either<DomainError, Instance> reach(Principal principal, ProjectGrant grant, Instance instance) {
        return grant.reaches(principal.user(), instance)
                ? Either.right(instance)
                : Either.left(new DomainError.InstanceNotFound(instance.id().value()));
    }
}
