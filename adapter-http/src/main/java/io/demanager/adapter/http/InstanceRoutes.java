package io.demanager.adapter.http;

import io.demanager.adapter.http.document.AccessTokenDocument;
import io.demanager.adapter.http.document.ActivityDocument;
import io.demanager.adapter.http.document.CatalogDocument;
import io.demanager.adapter.http.document.DeletedInstanceDocument;
import io.demanager.adapter.http.document.EventDocuments;
import io.demanager.adapter.http.document.InstanceDocumentMapper;
import io.demanager.adapter.http.document.InstanceListDocument;
import io.demanager.adapter.http.document.StatusChangeDocument;
import io.demanager.adapter.http.json.CreateInstanceReader;
import io.demanager.adapter.http.json.InstanceActionReader;
import io.demanager.adapter.http.json.ModifyInstanceReader;
import io.demanager.adapter.http.json.RenewLeaseReader;
import io.demanager.adapter.http.json.RequestError;
import io.demanager.application.port.in.CreateInstanceCommand;
import io.demanager.application.port.in.DeleteInstanceCommand;
import io.demanager.application.port.in.GetAccessTokenQuery;
import io.demanager.application.port.in.GetInstanceActivityQuery;
import io.demanager.application.port.in.GetInstanceQuery;
import io.demanager.application.port.in.InstanceRef;
import io.demanager.application.port.in.InstanceSnapshot;
import io.demanager.application.port.in.InstanceUseCases;
import io.demanager.application.port.in.ListInstancesUseCase.InstanceList;
import io.demanager.application.port.in.ViewCatalogQuery;
import io.demanager.domain.error.DomainError;
import io.demanager.domain.instance.ProjectId;
import io.javalin.http.Context;
import io.vavr.control.Either;
import io.vavr.control.Option;

/**
 * The seven operations of section 3 of {@code docs/devenviron-api.md}, the instance's lifecycle events, the
 * renewal of its lease, its activity as idle stop judges it, and the catalog instances are created from. Each one reads the request (path, query, If-Match, body), calls its use case and maps the
 * result to its document; every failure on the way is an {@link HttpFailure}.
 */
final class InstanceRoutes {

    static final String INSTANCES = "/v1/{project_id}/demanager/instances";
    static final String INSTANCE = INSTANCES + "/{instance_id}";
    static final String ACTION = INSTANCE + "/action";
    static final String TOKEN = INSTANCE + "/token";
    static final String EVENTS = INSTANCE + "/events";
    static final String LEASE = INSTANCE + "/lease";
    static final String ACTIVITY = INSTANCE + "/activity";
    static final String CATALOG = "/v1/{project_id}/demanager/catalog";

    /** What a successful operation answers: a body and, for an instance document, its version (the ETag). */
    record Answer(Object body, Option<Long> version) {

        static Answer document(Object body) {
            return new Answer(body, Option.none());
        }

        static Answer instance(InstanceSnapshot snapshot) {
            return new Answer(InstanceDocumentMapper.of(snapshot), Option.some(snapshot.instance().version()));
        }
    }

    private final InstanceUseCases useCases;

    InstanceRoutes(InstanceUseCases useCases) {
        this.useCases = useCases;
    }

    Either<HttpFailure, Answer> create(Context ctx) {
        return project(ctx)
                .flatMap(project -> RequestBodies.jsonObject(ctx)
                        .flatMap(body -> unreadable(CreateInstanceReader.read(body, project, Authentication.principal(ctx).user()))))
                .flatMap(request -> refused(useCases.create().create(new CreateInstanceCommand(Authentication.principal(ctx), request))))
                .map(Answer::instance);
    }

    Either<HttpFailure, Answer> list(Context ctx) {
        return refused(ProjectId.of(ctx.pathParam("project_id")))
                .flatMap(project -> unreadable(QueryParameters.parse(ctx.queryString(), ListQueryReader.PARAMETERS)
                        .flatMap(query -> ListQueryReader.read(query, Authentication.principal(ctx), project))))
                .flatMap(listing -> RequestBodies.none(ctx).flatMap(noBody -> refused(useCases.list().list(listing))))
                .map(InstanceRoutes::listDocument);
    }

    Either<HttpFailure, Answer> get(Context ctx) {
        return instance(ctx)
                .flatMap(instance -> RequestBodies.none(ctx).flatMap(noBody -> refused(useCases.get().get(new GetInstanceQuery(Authentication.principal(ctx), instance)))))
                .map(Answer::instance);
    }

    Either<HttpFailure, Answer> modify(Context ctx) {
        return instance(ctx).flatMap(instance -> expectedVersion(ctx)
                        .flatMap(version -> RequestBodies.jsonObject(ctx)
                                .flatMap(body -> unreadable(ModifyInstanceReader.read(body, Authentication.principal(ctx), instance, version)))))
                .flatMap(command -> refused(useCases.modify().modify(command)))
                .map(Answer::instance);
    }

    Either<HttpFailure, Answer> delete(Context ctx) {
        return instance(ctx).flatMap(instance -> expectedVersion(ctx)
                        .flatMap(version -> RequestBodies.none(ctx).map(noBody -> new DeleteInstanceCommand(Authentication.principal(ctx), instance, version))))
                .flatMap(command -> refused(useCases.delete().delete(command)))
                .map(deleted -> Answer.document(new DeletedInstanceDocument(deleted.value())));
    }

    Either<HttpFailure, Answer> action(Context ctx) {
        return instance(ctx).flatMap(instance -> expectedVersion(ctx)
                        .flatMap(version -> RequestBodies.jsonObject(ctx)
                                .flatMap(body -> unreadable(InstanceActionReader.read(body, Authentication.principal(ctx), instance, version)))))
                .flatMap(command -> refused(useCases.action().act(command)))
                .map(change -> Answer.document(new StatusChangeDocument(change.current().name(), change.previous().name())));
    }

    Either<HttpFailure, Answer> renew(Context ctx) {
        return instance(ctx).flatMap(instance -> expectedVersion(ctx)
                        .flatMap(version -> RequestBodies.jsonObject(ctx)
                                .flatMap(body -> unreadable(RenewLeaseReader.read(body, Authentication.principal(ctx), instance, version)))))
                .flatMap(command -> refused(useCases.renew().renew(command)))
                .map(Answer::instance);
    }

    Either<HttpFailure, Answer> accessToken(Context ctx) {
        return instance(ctx)
                .flatMap(instance -> RequestBodies.none(ctx).flatMap(noBody -> refused(useCases.accessToken().accessToken(new GetAccessTokenQuery(Authentication.principal(ctx), instance)))))
                .map(token -> Answer.document(new AccessTokenDocument(token)));
    }

    Either<HttpFailure, Answer> activity(Context ctx) {
        return instance(ctx)
                .flatMap(instance -> RequestBodies.none(ctx).flatMap(noBody -> refused(useCases.activity().activity(
                        new GetInstanceActivityQuery(Authentication.principal(ctx), instance)))))
                .map(activity -> Answer.document(ActivityDocument.of(activity)));
    }

    Either<HttpFailure, Answer> events(Context ctx) {
        return refused(InstanceRef.of(ctx.pathParam("project_id"), ctx.pathParam("instance_id")))
                .flatMap(instance -> unreadable(QueryParameters.parse(ctx.queryString(), EventsQueryReader.PARAMETERS)
                        .flatMap(query -> EventsQueryReader.read(query, Authentication.principal(ctx), instance))))
                .flatMap(query -> RequestBodies.none(ctx).flatMap(noBody -> refused(useCases.events().events(query))))
                .map(page -> Answer.document(EventDocuments.of(page)));
    }

    Either<HttpFailure, Answer> catalog(Context ctx) {
        return project(ctx)
                .flatMap(project -> RequestBodies.none(ctx).flatMap(noBody -> refused(useCases.catalog().catalog(
                        new ViewCatalogQuery(Authentication.principal(ctx), project)))))
                .map(catalog -> Answer.document(CatalogDocument.of(catalog)));
    }

    /** The project of a route without an instance that takes no query parameter. */
    private static Either<HttpFailure, ProjectId> project(Context ctx) {
        return unreadable(QueryParameters.parse(ctx.queryString()))
                .flatMap(noQuery -> refused(ProjectId.of(ctx.pathParam("project_id"))));
    }

    /**
     * The instance of a route under {@code /instances/{instance_id}}. Its one query parameter is {@code de_type}, which
     * the SDK sends on every read of an instance: {@code Notebook} if given.
     */
    private static Either<HttpFailure, InstanceRef> instance(Context ctx) {
        return unreadable(QueryParameters.parse(ctx.queryString(), ListQueryReader.DE_TYPE).flatMap(ListQueryReader::notebookIfGiven))
                .flatMap(noQuery -> refused(InstanceRef.of(ctx.pathParam("project_id"), ctx.pathParam("instance_id"))));
    }

    private static Either<HttpFailure, Option<Long>> expectedVersion(Context ctx) {
        return unreadable(Versions.expected(ctx.header(Versions.IF_MATCH)));
    }

    private static Answer listDocument(InstanceList list) {
        return Answer.document(new InstanceListDocument(list.totalCount(), list.instances().map(InstanceDocumentMapper::of).toJavaList()));
    }

    static <T> Either<HttpFailure, T> refused(Either<DomainError, T> result) {
        return result.mapLeft(ErrorResponses::of);
    }

    private static <T> Either<HttpFailure, T> unreadable(Either<RequestError, T> request) {
        return request.mapLeft(ErrorResponses::of);
    }
}
