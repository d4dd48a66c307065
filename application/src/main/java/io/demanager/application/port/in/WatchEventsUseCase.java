package io.demanager.application.port.in;

import io.demanager.domain.error.DomainError;
import io.demanager.domain.instance.NumberedEvent;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.time.Duration;

/**
 * The lifecycle events of a project's instances as they happen (lease warnings included), written by any server
 * sharing the store: what a live view or an integration follows. A principal restricted to its own instances gets
 * only their events.
 */
public interface WatchEventsUseCase {

    /**
     * A watch of the project's events: refused like a listing of its instances (6621, 6622), and none when
     * {@code lastEventId} names no event the caller may see, since there is then nothing to resume after.
     */
    Either<DomainError, Option<EventWatch>> watch(WatchEventsQuery query);

    /** The events after the last one given, one batch at a time; used by one thread at a time. */
    interface EventWatch extends AutoCloseable {

        /**
         * Up to {@code limit} events that came after those given before, oldest first; when there is none yet, waits
         * up to {@code patience} for one and answers none if none came.
         */
        List<NumberedEvent> next(int limit, Duration patience) throws InterruptedException;

        /** No more events are read; the watch stops listening for news. */
        @Override
        void close();
    }
}
