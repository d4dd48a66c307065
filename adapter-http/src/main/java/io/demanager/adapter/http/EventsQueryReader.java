package io.demanager.adapter.http;

import io.demanager.adapter.http.json.RequestError;
import io.demanager.application.port.in.InstanceEventsQuery;
import io.demanager.application.port.in.InstanceRef;
import io.demanager.application.port.in.Principal;
import io.vavr.control.Either;

import static io.vavr.API.For;

/** The query of an instance's events: the page, read as the list's {@code offset} and {@code limit} are. */
final class EventsQueryReader {

    static final String[] PARAMETERS = {"offset", "limit"};

    private EventsQueryReader() {
    }

    static Either<RequestError, InstanceEventsQuery> read(QueryParameters query, Principal principal, InstanceRef instance) {
        return For(count(query, "offset"), count(query, "limit"))
                .yield((offset, limit) -> new InstanceEventsQuery(principal, instance, offset, limit));
    }

    /** 0 when absent: the first event, and all of them. */
    private static Either<RequestError, Integer> count(QueryParameters query, String name) {
        return query.get(name).map(value -> ListQueryReader.count(name, value)).getOrElse(Either.right(0));
    }
}
