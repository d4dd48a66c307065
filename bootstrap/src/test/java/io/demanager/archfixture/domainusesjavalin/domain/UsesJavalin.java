package io.demanager.archfixture.domainusesjavalin.domain;

import io.javalin.http.Context;

/** Breaks the domain's dependency rule and the no-framework rule: a web type in the domain. */
public final class UsesJavalin {

    public String projectOf(Context context) {
        return context.pathParam("project_id");
    }
}
