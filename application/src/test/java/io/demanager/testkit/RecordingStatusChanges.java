package io.demanager.testkit;

import io.demanager.application.port.out.StatusChangePublisher;
import io.demanager.domain.instance.LifecycleEvent;
import io.vavr.collection.List;

/** A {@link StatusChangePublisher} that keeps what it is told, in order. */
public final class RecordingStatusChanges implements StatusChangePublisher {

    private List<StatusChanged> published = List.empty();

    @Override
    public synchronized void publish(StatusChanged change) {
        published = published.append(change);
    }

    public synchronized List<StatusChanged> published() {
        return published;
    }

    public synchronized List<LifecycleEvent> events() {
        return published.map(StatusChanged::event);
    }
}
