package io.demanager.adapter.http;

import io.demanager.application.port.in.IdentifyCallerQuery;
import io.demanager.application.port.in.IdentifyCallerUseCase;
import io.demanager.application.port.in.Principal;
import io.javalin.http.Context;
import io.vavr.control.Option;

/**
 * Who is calling (section 8 of {@code docs/devenviron-api.md}), asked before any route of the API runs: the token
 * ({@code Authorization: Bearer}, else {@code X-Auth-Token}) and the project of the path go to
 * {@link IdentifyCallerUseCase}, which answers the principal or refuses (401 for a token that names nobody, 403 for a
 * project it may not act in). Nothing of the request is read before that. Each use case then decides what the
 * principal may do there. A user runs at most so many requests at once
 * ({@link HttpLimits#concurrentRequestsPerCaller()}); one more is refused with 429 and {@code Retry-After}.
 */
final class Authentication {

    static final String TOKEN_HEADER = "X-Auth-Token";
    private static final String BEARER = "Bearer ";
    private static final String PRINCIPAL = Authentication.class.getName() + ".principal";
    private static final String COUNTED = Authentication.class.getName() + ".counted";

    private final IdentifyCallerUseCase identifyCaller;
    private final CallerConcurrency concurrency;

    Authentication(IdentifyCallerUseCase identifyCaller, int concurrentRequestsPerCaller) {
        this.identifyCaller = identifyCaller;
        this.concurrency = new CallerConcurrency(concurrentRequestsPerCaller);
    }

    void check(Context ctx) {
        Principal principal = identifyCaller.identify(new IdentifyCallerQuery(Option.of(token(ctx)), ctx.pathParam("project_id")))
                .getOrElseThrow(refused -> new RefusedRequest(ErrorResponses.of(refused)));
        ctx.attribute(PRINCIPAL, principal);
        if (!concurrency.tryEnter(principal.user().id())) {
            ctx.header("Retry-After", String.valueOf(ErrorResponses.RETRY_AFTER_SECONDS));
            throw new RefusedRequest(ErrorResponses.tooManyRequests());
        }
        ctx.attribute(COUNTED, Boolean.TRUE);
    }

    /** After every request of the API, checked or refused: a request {@link #check} counted no longer runs. */
    void end(Context ctx) {
        if (ctx.attribute(COUNTED) != null) {
            ctx.attribute(COUNTED, null);
            concurrency.leave(principal(ctx).user().id());
        }
    }

    /** The principal the checked token named: who acts, and owns what this request creates. */
    static Principal principal(Context ctx) {
        return ctx.attribute(PRINCIPAL);
    }

    /** {@code Authorization: Bearer <token>} when the request has it, else {@code X-Auth-Token}. */
    private static String token(Context ctx) {
        String authorization = ctx.header("Authorization");
        return authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? authorization.substring(BEARER.length()).strip()
                : ctx.header(TOKEN_HEADER);
    }
}
