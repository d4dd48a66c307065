package io.demanager.adapter.http;

import io.demanager.application.port.out.Caller;
import io.demanager.application.port.out.CallerIdentities;
import io.demanager.domain.instance.ProjectId;
import io.demanager.domain.instance.UserRef;
import io.javalin.http.Context;
import io.vavr.control.Option;

/**
 * Who may do what (section 8 of {@code docs/devenviron-api.md}), checked before any route of the API runs: a request
 * needs an {@code X-Auth-Token} (or {@code Authorization: Bearer}) that names a caller (401 otherwise), and that
 * caller must be allowed in the project of the path (403 otherwise). Nothing of the request is read before both
 * hold. A caller runs at most so many requests at once ({@link HttpLimits#concurrentRequestsPerCaller()}); one more
 * is refused with 429 and {@code Retry-After}.
 */
final class Authentication {

    static final String TOKEN_HEADER = "X-Auth-Token";
    private static final String BEARER = "Bearer ";
    private static final String CALLER = Authentication.class.getName() + ".caller";
    private static final String COUNTED = Authentication.class.getName() + ".counted";

    private final CallerIdentities identities;
    private final CallerConcurrency concurrency;

    Authentication(CallerIdentities identities, int concurrentRequestsPerCaller) {
        this.identities = identities;
        this.concurrency = new CallerConcurrency(concurrentRequestsPerCaller);
    }

    void check(Context ctx) {
        Caller caller = callerOf(token(ctx)).getOrElseThrow(() -> new RefusedRequest(ErrorResponses.unauthenticated()));
        boolean allowed = ProjectId.of(ctx.pathParam("project_id")).map(caller::mayActIn).getOrElse(false);
        if (!allowed) {
            throw new RefusedRequest(ErrorResponses.forbidden());
        }
        ctx.attribute(CALLER, caller);
        if (!concurrency.tryEnter(caller.user().id())) {
            ctx.header("Retry-After", String.valueOf(ErrorResponses.RETRY_AFTER_SECONDS));
            throw new RefusedRequest(ErrorResponses.tooManyRequests());
        }
        ctx.attribute(COUNTED, Boolean.TRUE);
    }

    /** After every request of the API, checked or refused: a request {@link #check} counted no longer runs. */
    void end(Context ctx) {
        if (ctx.attribute(COUNTED) != null) {
            ctx.attribute(COUNTED, null);
            concurrency.leave(user(ctx).id());
        }
    }

    /** The user the checked token named: the owner of what this request creates. */
    static UserRef user(Context ctx) {
        return ctx.<Caller>attribute(CALLER).user();
    }

    /** {@code Authorization: Bearer <token>} when the request has it, else {@code X-Auth-Token}. */
    private static String token(Context ctx) {
        String authorization = ctx.header("Authorization");
        return authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? authorization.substring(BEARER.length()).strip()
                : ctx.header(TOKEN_HEADER);
    }

    private Option<Caller> callerOf(String token) {
        return token == null || token.isEmpty() ? Option.none() : identities.byToken(token);
    }
}
