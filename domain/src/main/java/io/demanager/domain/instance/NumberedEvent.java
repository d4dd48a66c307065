package io.demanager.domain.instance;

import java.util.Objects;

/**
 * A lifecycle event with its number among every event of the store, and the project of its instance: the form in
 * which events leave the service (a stream, a webhook), so that a receiver can resume after the last one it has and
 * recognise one it was given twice.
 *
 * @param id the event's number, unique across projects; later events mostly have higher numbers, but the order of
 *           delivery is the order in which events were committed
 */
public record NumberedEvent(long id, ProjectId projectId, LifecycleEvent event) {

    public NumberedEvent {
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(event, "event");
        if (id < 1) {
            throw new IllegalArgumentException("an event's number is positive, not " + id);
        }
    }
}
