package io.demanager.adapter.http;

import io.demanager.application.port.in.IdentifyCallerQuery;
import io.demanager.application.port.in.IdentifyCallerUseCase;
import io.demanager.application.port.in.Principal;
import io.javalin.http.Context;
import io.vavr.control.Option;

/**
 * Who is calling (section 8 of {@code docs/devenviron-api.md}), asked before any route of the API runs: the token of {@code X-Auth-Token} and the project of the
 * path go to {@link IdentifyCallerUseCase}, which answers the principal or refuses (401 for a token that names
 * nobody, 403 for a project it may not act in). Nothing of the request is read before that. Each use case then
 * decides what the principal may do there.
 */
final class Authentication {

    static final String TOKEN_HEADER = "X-Auth-Token";
    private static final String PRINCIPAL = Authentication.class.getName() + ".principal";

    private final IdentifyCallerUseCase identifyCaller;

    Authentication(IdentifyCallerUseCase identifyCaller) {
        this.identifyCaller = identifyCaller;
    }

    void check(Context ctx) {
        Principal principal = identifyCaller.identify(new IdentifyCallerQuery(Option.of(ctx.header(TOKEN_HEADER)), ctx.pathParam("project_id")))
                .getOrElseThrow(refused -> new RefusedRequest(ErrorResponses.of(refused)));
        ctx.attribute(PRINCIPAL, principal);
    }

    /** The principal the checked token named: who acts, and owns what this request creates. */
    static Principal principal(Context ctx) {
        return ctx.attribute(PRINCIPAL);
    }
}
