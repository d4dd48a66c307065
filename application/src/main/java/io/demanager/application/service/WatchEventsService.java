package io.demanager.application.service;

import io.demanager.application.port.in.Permission;
import io.demanager.application.port.in.WatchEventsQuery;
import io.demanager.application.port.in.WatchEventsUseCase;
import io.demanager.application.port.out.EventFeed;
import io.demanager.domain.error.DomainError;
import io.vavr.control.Either;
import io.vavr.control.Option;

/** Watches of a project's events over the store's {@link EventFeed}; listing the project's instances lets one watch. */
public final class WatchEventsService implements WatchEventsUseCase {

    private final EventFeed feed;

    public WatchEventsService(EventFeed feed) {
        this.feed = feed;
    }

    @Override
    public Either<DomainError, Option<EventWatch>> watch(WatchEventsQuery query) {
        return AccessPolicy.permit(query.principal(), query.projectId(), Permission.LIST).map(grant -> {
            Option<String> owner = grant.ownInstancesOnly() ? Option.some(query.principal().user().id()) : Option.none();
            Option<EventFeed.Position> start = query.lastEventId().fold(
                    () -> Option.some(feed.newest()),
                    last -> feed.positionOf(query.projectId(), owner, last));
            return start.map(position -> new FeedWatch(feed, query.projectId(), owner, position));
        });
    }
}
