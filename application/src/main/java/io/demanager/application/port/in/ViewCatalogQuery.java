package io.demanager.application.port.in;

import io.demanager.domain.instance.ProjectId;

import java.util.Objects;

/** The catalog as offered in {@code project}: what a console creates instances from. */
public record ViewCatalogQuery(Principal principal, ProjectId project) {

    public ViewCatalogQuery {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(project, "project");
    }
}
