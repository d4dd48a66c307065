package io.demanager.application.port.in;

import io.demanager.domain.instance.ProjectId;
import io.demanager.domain.instance.UserRef;
import io.vavr.collection.Map;
import io.vavr.collection.Set;
import io.vavr.control.Option;

import java.util.Objects;

/**
 * Who acts: a user, the projects it may act in and what it is granted in each. Every request of a caller to a use
 * case carries one; the use case decides from it (see {@code AccessPolicy}) before it reads anything.
 */
public record Principal(UserRef user, Map<ProjectId, ProjectGrant> grants) {

    public Principal {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(grants, "grants");
    }

    /** A user granted everything in each of {@code projects}. */
    public static Principal withEverythingIn(UserRef user, Set<ProjectId> projects) {
        return new Principal(user, projects.toMap(project -> project, project -> ProjectGrant.EVERYTHING));
    }

    /** What it may do in {@code project}; none if it may not act there at all. */
    public Option<ProjectGrant> grantIn(ProjectId project) {
        return grants.get(project);
    }
}
