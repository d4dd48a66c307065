package io.demanager.application.port.out;

import io.demanager.domain.instance.ProjectId;
import io.demanager.domain.instance.UserRef;
import io.vavr.collection.Set;

import java.util.Objects;

/** Who a token names: a user, and the projects that user may act in. */
public record Caller(UserRef user, Set<ProjectId> projects) {

    public Caller {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(projects, "projects");
    }

    public boolean mayActIn(ProjectId project) {
        return projects.contains(project);
    }
}
