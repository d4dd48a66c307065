package io.demanager.archfixture.good.adapter.persistence;

import io.demanager.archfixture.good.application.port.out.ThingStore;
import io.demanager.archfixture.good.domain.Thing;
import io.vavr.control.Option;
import org.jdbi.v3.core.Jdbi;

import javax.sql.DataSource;

public final class JdbcThingStore implements ThingStore {

    private final Jdbi jdbi;

    public JdbcThingStore(DataSource dataSource) {
        this.jdbi = Jdbi.create(dataSource);
    }

    @Override
    public Option<Thing> find(String id) {
        return Option.ofOptional(jdbi.withHandle(handle -> handle.createQuery("select id from thing where id = :id")
                .bind("id", id)
                .mapTo(String.class)
                .findOne()))
                .map(found -> new Thing(found, Option.none()));
    }
}
