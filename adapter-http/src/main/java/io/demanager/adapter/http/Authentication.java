package io.demanager.adapter.http;

import io.demanager.application.port.out.Caller;
import io.demanager.application.port.out.CallerIdentities;
import io.demanager.domain.instance.ProjectId;
import io.demanager.domain.instance.UserRef;
import io.javalin.http.Context;
import io.vavr.control.Option;

/**
 * Who may do what (section 8 of {@code docs/devenviron-api.md}), checked before any route of the API runs: a request needs an
 * {@code X-Auth-Token} that names a caller (401 otherwise), and that caller must be allowed in the project of the
 * path (403 otherwise). Nothing of the request is read before both hold.
 */
final class Authentication {

    static final String TOKEN_HEADER = "X-Auth-Token";
    private static final String CALLER = Authentication.class.getName() + ".caller";

    private final CallerIdentities identities;

    Authentication(CallerIdentities identities) {
        this.identities = identities;
    }

    void check(Context ctx) {
        Caller caller = callerOf(ctx.header(TOKEN_HEADER)).getOrElseThrow(() -> new RefusedRequest(ErrorResponses.unauthenticated()));
        boolean allowed = ProjectId.of(ctx.pathParam("project_id")).map(caller::mayActIn).getOrElse(false);
        if (!allowed) {
            throw new RefusedRequest(ErrorResponses.forbidden());
        }
        ctx.attribute(CALLER, caller);
    }

    /** The user the checked token named: the owner of what this request creates. */
    static UserRef user(Context ctx) {
        return ctx.<Caller>attribute(CALLER).user();
    }

    private Option<Caller> callerOf(String token) {
        return token == null || token.isEmpty() ? Option.none() : identities.byToken(token);
    }
}
