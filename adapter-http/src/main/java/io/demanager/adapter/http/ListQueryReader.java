package io.demanager.adapter.http;

import io.demanager.adapter.http.json.RequestError;
import io.demanager.application.port.in.ListInstancesQuery;
import io.demanager.application.port.in.Principal;
import io.demanager.domain.error.DomainError;
import io.demanager.domain.instance.AiProjectId;
import io.demanager.domain.instance.Instance;
import io.demanager.domain.instance.InstanceFilter;
import io.demanager.domain.instance.InstanceSort;
import io.demanager.domain.instance.InstanceStatus;
import io.demanager.domain.instance.PageRequest;
import io.demanager.domain.instance.PoolId;
import io.demanager.domain.instance.ProjectId;
import io.demanager.domain.instance.WorkspaceId;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.math.BigInteger;
import java.util.function.Function;
import java.util.regex.Pattern;

import static io.vavr.API.For;

/** The list query of section 3 of {@code docs/devenviron-api.md}, read into the list query of the caller's project. */
final class ListQueryReader {

    static final String DE_TYPE = "de_type";
    /** {@code ai_project_id} is the SDK's name for {@code ai_project}. */
    static final String AI_PROJECT_ALIAS = "ai_project_id";
    static final String[] PARAMETERS = {DE_TYPE, "provision_type", "status", "sortby", "order", "offset", "limit",
            "workspace_id", "show_self", "ai_project", AI_PROJECT_ALIAS, "pool_id"};
    private static final String NOTEBOOK = "Notebook";

    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?[0-9]+");

    private ListQueryReader() {
    }

    static Either<RequestError, ListInstancesQuery> read(QueryParameters query, Principal principal, ProjectId project) {
        return For(filter(query), showSelf(query), sort(query), page(query)).yield((filter, showSelf, sort, page) ->
                new ListInstancesQuery(principal, project, filter, showSelf, sort, page));
    }

    private static Either<RequestError, InstanceFilter> filter(QueryParameters query) {
        return For(
                query.get(DE_TYPE).toEither(() -> (RequestError) new RequestError.RequiredProperty(DE_TYPE))
                        .flatMap(deType -> only(DE_TYPE, deType, NOTEBOOK)),
                query.get("provision_type").map(type -> only("provision_type", type, "Docker")).getOrElse(Either.right("Docker")),
                optional(query, "status", ListQueryReader::status),
                optional(query, "workspace_id", id(WorkspaceId::of)).map(id -> id.getOrElse(Instance.DEFAULT_WORKSPACE)),
                aiProject(query),
                optional(query, "pool_id", id(PoolId::of))
        ).yield((deType, provisionType, status, workspace, aiProject, pool) ->
                new InstanceFilter(status, workspace, aiProject, pool));
    }

    private static Either<RequestError, Boolean> showSelf(QueryParameters query) {
        return optional(query, "show_self", ListQueryReader::bool).map(showSelf -> showSelf.getOrElse(true));
    }

    /** {@code query} if its {@code de_type}, when given, is {@code Notebook}; 6336 naming it otherwise. */
    static Either<RequestError, QueryParameters> notebookIfGiven(QueryParameters query) {
        return query.get(DE_TYPE).map(deType -> only(DE_TYPE, deType, NOTEBOOK).map(accepted -> query)).getOrElse(Either.right(query));
    }

    /** {@code ai_project} or its alias {@code ai_project_id}; both at once is refused naming the alias. */
    private static Either<RequestError, Option<AiProjectId>> aiProject(QueryParameters query) {
        return query.get("ai_project").isDefined() && query.get(AI_PROJECT_ALIAS).isDefined()
                ? Either.left(new RequestError.IncorrectValue(AI_PROJECT_ALIAS))
                : optional(query, "ai_project", id(AiProjectId::of)).flatMap(named -> named.isDefined()
                        ? Either.right(named)
                        : optional(query, AI_PROJECT_ALIAS, id(AiProjectId::of)));
    }

    private static Either<RequestError, InstanceSort> sort(QueryParameters query) {
        return For(
                optional(query, "sortby", ListQueryReader::sortKey).map(key -> key.getOrElse(InstanceSort.Key.NAME)),
                optional(query, "order", ListQueryReader::direction).map(direction -> direction.getOrElse(InstanceSort.Direction.ASC))
        ).yield(InstanceSort::new);
    }

    private static Either<RequestError, PageRequest> page(QueryParameters query) {
        return For(
                optional(query, "offset", ListQueryReader::count).map(offset -> offset.getOrElse(0)),
                optional(query, "limit", ListQueryReader::count).map(limit -> limit.getOrElse(0))
        ).yield(PageRequest::new);
    }

    private interface ParameterReader<T> {
        Either<RequestError, T> read(String name, String value);
    }

    private static <T> Either<RequestError, Option<T>> optional(QueryParameters query, String name, ParameterReader<T> reader) {
        return query.get(name).map(value -> reader.read(name, value).map(Option::some)).getOrElse(Either.right(Option.none()));
    }

    private static Either<RequestError, String> only(String name, String value, String accepted) {
        return accepted.equals(value) ? Either.right(value) : Either.left(new RequestError.IncorrectValue(name));
    }

    private static Either<RequestError, InstanceStatus> status(String name, String value) {
        return List.of(InstanceStatus.values()).find(status -> status.name().equals(value))
                .toEither(() -> new RequestError.IncorrectValue(name));
    }

    /** An id parameter, refused under the parameter's own name. */
    private static <T> ParameterReader<T> id(Function<String, Either<DomainError, T>> parse) {
        return (name, value) -> parse.apply(value).mapLeft(invalid -> new RequestError.IncorrectValue(name));
    }

    /** {@code true} or {@code false} in any case: the SDK sends Python's {@code True}. */
    private static Either<RequestError, Boolean> bool(String name, String value) {
        return value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")
                ? Either.right(Boolean.parseBoolean(value))
                : Either.left(new RequestError.WrongType(name, "boolean"));
    }

    private static Either<RequestError, InstanceSort.Key> sortKey(String name, String value) {
        return value.equals("name") ? Either.right(InstanceSort.Key.NAME)
                : value.equals("creation_timestamp") ? Either.right(InstanceSort.Key.CREATION_TIMESTAMP)
                : Either.left(new RequestError.SortFieldNotSupported(value));
    }

    private static Either<RequestError, InstanceSort.Direction> direction(String name, String value) {
        return value.equals("asc") ? Either.right(InstanceSort.Direction.ASC)
                : value.equals("desc") ? Either.right(InstanceSort.Direction.DESC)
                : Either.left(new RequestError.IncorrectValue(name));
    }

    /** {@code offset} and {@code limit}, here and in other pages: a whole number (else 6332) from 0 to 2^31-1 (else 6336). */
    static Either<RequestError, Integer> count(String name, String value) {
        if (!WHOLE_NUMBER.matcher(value).matches()) {
            return Either.left(new RequestError.WrongType(name, "integer"));
        }
        BigInteger number = new BigInteger(value);
        return number.signum() < 0 || number.compareTo(BigInteger.valueOf(Integer.MAX_VALUE)) > 0
                ? Either.left(new RequestError.IncorrectValue(name))
                : Either.right(number.intValueExact());
    }
}
