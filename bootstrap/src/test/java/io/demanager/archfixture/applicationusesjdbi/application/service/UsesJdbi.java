package io.demanager.archfixture.applicationusesjdbi.application.service;

import org.jdbi.v3.core.Jdbi;

/** Breaks the application's dependency rule and the no-framework rule: a service talking to the database. */
public final class UsesJdbi {

    private final Jdbi jdbi;

    public UsesJdbi(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public int count() {
        return jdbi.withHandle(handle -> handle.createQuery("select count(*) from instance").mapTo(Integer.class).one());
    }
}
