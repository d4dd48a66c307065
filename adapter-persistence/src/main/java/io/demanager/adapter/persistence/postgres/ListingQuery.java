package io.demanager.adapter.persistence.postgres;

import io.demanager.application.port.out.InstanceListing;
import io.demanager.domain.instance.AiProjectId;
import io.demanager.domain.instance.InstanceSort;
import io.demanager.domain.instance.PoolId;
import io.vavr.collection.List;
import io.vavr.control.Option;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * The SQL of a listing: its filters, its order and its page, all done by the database. Only the filters
 * that the listing names are written, so that each combination gets a plan of its own; DELETED rows are
 * left out with the same predicate as the listing indexes, which lets the planner use them.
 */
final class ListingQuery {

    /** A column that must hold the value, bound to a parameter of the column's name. */
    private record Filter(String column, String value) {
        String condition() {
            return column + " = :" + column;
        }
    }

    private final InstanceListing listing;
    private final List<Filter> filters;

    ListingQuery(InstanceListing listing) {
        this.listing = listing;
        this.filters = List.of(new Filter("project_id", listing.projectId().value()),
                        new Filter("workspace_id", listing.filter().workspaceId().value()))
                .appendAll(filter("status", listing.filter().status().map(Enum::name)))
                .appendAll(filter("ai_project_id", listing.filter().aiProjectId().map(AiProjectId::value)))
                .appendAll(filter("pool_id", listing.filter().poolId().map(PoolId::value)))
                .appendAll(filter("owner_id", listing.ownerId()));
    }

    /** How many instances match, whatever the page; bound by {@link #bindCount}. */
    String countSql() {
        return "SELECT count(*) FROM instance WHERE " + where();
    }

    /** The instances of the page, in order; bound by {@link #bindPage}. */
    String pageSql() {
        return "SELECT " + InstanceRows.NAMES + " FROM instance WHERE " + where()
                + " ORDER BY " + order()
                + " OFFSET :offset"
                + (listing.page().limit() > 0 ? " LIMIT :limit" : "");
    }

    <S extends SqlStatement<S>> S bindCount(S statement) {
        return filters.foldLeft(statement, (bound, filter) -> bound.bind(filter.column(), filter.value()));
    }

    <S extends SqlStatement<S>> S bindPage(S statement) {
        S page = bindCount(statement).bind("offset", listing.page().offset());
        return listing.page().limit() > 0 ? page.bind("limit", listing.page().limit()) : page;
    }

    private String where() {
        return filters.map(Filter::condition).prepend("status <> 'DELETED'").mkString(" AND ");
    }

    private String order() {
        String direction = listing.sort().direction() == InstanceSort.Direction.ASC ? "ASC" : "DESC";
        return switch (listing.sort().key()) {
            case NAME -> "name " + direction;
            // Names are unique among a project's live instances; creation times are not, so the id breaks ties.
            case CREATION_TIMESTAMP -> "created_at " + direction + ", id " + direction;
        };
    }

    private static List<Filter> filter(String column, Option<String> value) {
        return value.map(v -> List.of(new Filter(column, v))).getOrElse(List.empty());
    }
}
