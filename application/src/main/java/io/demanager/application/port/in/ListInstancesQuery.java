package io.demanager.application.port.in;

import io.demanager.domain.instance.InstanceFilter;
import io.demanager.domain.instance.InstanceSort;
import io.demanager.domain.instance.PageRequest;
import io.demanager.domain.instance.ProjectId;

import java.util.Objects;

/**
 * Which instances of a project {@code principal} lists, in which order, and which page of them.
 *
 * @param showSelf only the principal's own instances; a principal restricted to its own sees only those anyway
 */
public record ListInstancesQuery(
        Principal principal,
        ProjectId projectId,
        InstanceFilter filter,
        boolean showSelf,
        InstanceSort sort,
        PageRequest page) {

    public ListInstancesQuery {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(sort, "sort");
        Objects.requireNonNull(page, "page");
    }
}
