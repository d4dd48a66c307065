package io.demanager.adapter.http.document;

import io.demanager.application.port.in.ListInstanceEventsUseCase.EventList;
import io.demanager.domain.instance.LifecycleEvent;

import java.util.List;

/** An instance's lifecycle events as the events route answers them. */
public final class EventDocuments {

    private EventDocuments() {
    }

    /**
     * {@code total_count} counts every event of the instance, {@code events} holds this page, newest first.
     * {@code from_status} is left out for the creation; {@code timestamp} is epoch milliseconds, as
     * {@code stop_timestamp} is; {@code version} is the instance's version (its ETag) that the change produced.
     */
    public record EventListDocument(long totalCount, List<EventDocument> events) {
    }

    public record EventDocument(String fromStatus, String toStatus, String cause, long timestamp, long version) {
    }

    public static EventListDocument of(EventList page) {
        return new EventListDocument(page.totalCount(), page.events().map(EventDocuments::event).toJavaList());
    }

    private static EventDocument event(LifecycleEvent event) {
        return new EventDocument(event.from().map(Enum::name).getOrNull(), event.to().name(), event.cause().name(),
                event.at().toEpochMilli(), event.version());
    }
}
