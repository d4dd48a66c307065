package io.demanager.application.port.out;

import io.demanager.domain.instance.Instance;
import io.demanager.domain.instance.InstanceStatus;
import io.demanager.domain.instance.LifecycleEvent;
import io.demanager.domain.instance.ProjectId;
import io.demanager.domain.instance.TransitionCause;
import io.vavr.control.Option;

import java.time.Duration;
import java.util.Objects;

/**
 * Where the services publish each change of an instance's status once it is stored: the server logs it for its
 * operators; an embedder passes {@link #NONE} or a listener of its own. Called on the thread that stored the change,
 * so it must return quickly and not throw.
 */
@FunctionalInterface
public interface StatusChangePublisher {

    /** Tells nobody. */
    StatusChangePublisher NONE = change -> { };

    void publish(StatusChanged change);

    /** Publishes the change of storing {@code after} over an instance in status {@code before} (none: a new one), if any. */
    default void publishWrite(Option<InstanceStatus> before, Instance after, TransitionCause cause) {
        LifecycleEvent.ofWrite(before, after, cause)
                .forEach(event -> publish(new StatusChanged(after.projectId(), event, Option.none())));
    }

    /**
     * One stored change of status.
     *
     * @param lateness for an automatic stop, how long after the lease's end it came
     */
    record StatusChanged(ProjectId projectId, LifecycleEvent event, Option<Duration> lateness) {

        public StatusChanged {
            Objects.requireNonNull(projectId, "projectId");
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(lateness, "lateness");
        }
    }
}
