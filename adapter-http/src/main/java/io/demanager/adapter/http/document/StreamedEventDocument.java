package io.demanager.adapter.http.document;

import io.demanager.domain.instance.NumberedEvent;

/**
 * One event of the project's event stream (and of a webhook's body): an instance's lifecycle event as its events route
 * answers it, with the event's number ({@code id}, also the stream's event id, to resume after), its project and its
 * instance. {@code from_status} is left out for the creation; {@code timestamp} is epoch milliseconds.
 */
public record StreamedEventDocument(long id, String projectId, String instanceId, String fromStatus, String toStatus,
                                    String cause, long timestamp, long version) {

    public static StreamedEventDocument of(NumberedEvent numbered) {
        var event = numbered.event();
        return new StreamedEventDocument(numbered.id(), numbered.projectId().value(), event.instanceId().value(),
                event.from().map(Enum::name).getOrNull(), event.to().name(), event.cause().name(), event.at().toEpochMilli(),
                event.version());
    }
}
