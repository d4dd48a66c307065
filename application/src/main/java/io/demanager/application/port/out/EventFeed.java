package io.demanager.application.port.out;

import io.demanager.domain.instance.NumberedEvent;
import io.demanager.domain.instance.ProjectId;
import io.vavr.collection.List;
import io.vavr.control.Option;

import java.util.Objects;

/**
 * Every lifecycle event of the store, in the order it was committed, for those who follow them as they happen: a
 * reader keeps a {@link Position} and asks for what came after it. An event is given only once every event that could
 * come before it in that order is committed, so that a reader that moves its position past an event never misses one
 * that commits later; events written by any server sharing the store are given.
 */
public interface EventFeed {

    /** The position after every event committed now: a reader starting there gets only what comes next. */
    Position newest();

    /**
     * The position just after event {@code eventId} of {@code project}, or none if the project has no such event
     * (or, with {@code ownerId}, none of that owner's instances has).
     */
    Option<Position> positionOf(ProjectId project, Option<String> ownerId, long eventId);

    /**
     * Up to {@code limit} events of {@code project} after {@code position}, in commit order, of the instances of
     * {@code ownerId} only if one is given, and the position to read from next (past the events of other projects
     * too, so that a reader never reads them twice).
     */
    Page after(ProjectId project, Option<String> ownerId, Position position, int limit);

    /**
     * Calls {@code listener}, from any thread, after events were written here or by any other server sharing the store,
     * until the answer is stopped; it must return at once. A store that can lose such news says so: readers look
     * again now and then anyway.
     */
    Listening whenEventsWritten(Runnable listener);

    /** A place in the feed, opaque to readers. */
    record Position(long commitOrder, long eventId) {
    }

    record Page(List<NumberedEvent> events, Position next) {

        public Page {
            Objects.requireNonNull(events, "events");
            Objects.requireNonNull(next, "next");
        }
    }

    /** A listener that is being called, until {@link #stop()}. */
    @FunctionalInterface
    interface Listening {
        void stop();
    }
}
