package io.demanager.application.port.in;

import io.demanager.domain.instance.ProjectId;
import io.vavr.control.Option;

import java.util.Objects;

/** @param lastEventId the last event the caller has, to resume after it; none to begin with the next event */
public record WatchEventsQuery(Principal principal, ProjectId projectId, Option<Long> lastEventId) {

    public WatchEventsQuery {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(lastEventId, "lastEventId");
    }
}
