package io.demanager.application.port.out;

import io.demanager.domain.instance.InstanceFilter;
import io.demanager.domain.instance.InstanceSort;
import io.demanager.domain.instance.PageRequest;
import io.demanager.domain.instance.ProjectId;
import io.vavr.control.Option;

import java.util.Objects;

/**
 * Which instances of a project to list, in which order, and which page of them.
 *
 * @param ownerId only this user's instances ({@code show_self}); none for everybody's
 */
public record InstanceListing(
        ProjectId projectId,
        InstanceFilter filter,
        Option<String> ownerId,
        InstanceSort sort,
        PageRequest page) {

    public InstanceListing {
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(sort, "sort");
        Objects.requireNonNull(page, "page");
    }
}
