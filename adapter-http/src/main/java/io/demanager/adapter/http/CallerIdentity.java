package io.demanager.adapter.http;

import io.demanager.domain.instance.UserRef;
import io.javalin.http.Context;

/**
 * Who is calling. The API asks once per request, before any route runs, and the routes use the answer
 * (the owner of a new instance, {@code show_self} of the list). Checking {@code X-Auth-Token} belongs here.
 */
@FunctionalInterface
public interface CallerIdentity {

    UserRef identify(Context request);

    /** Every request comes from {@code user}: for a server with no authentication in front of it. */
    static CallerIdentity always(UserRef user) {
        return request -> user;
    }
}
