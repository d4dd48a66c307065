package io.demanager.adapter.http.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.demanager.domain.autostop.AutoStopChange;
import io.demanager.domain.error.DomainError;
import io.demanager.domain.idle.IdleStopChange;
import io.demanager.domain.instance.AiProjectId;
import io.demanager.domain.instance.Credential;
import io.demanager.domain.instance.InstanceCreation;
import io.demanager.domain.instance.Pool;
import io.demanager.domain.instance.PoolId;
import io.demanager.domain.instance.ProjectId;
import io.demanager.domain.instance.Storage;
import io.demanager.domain.instance.UserRef;
import io.demanager.domain.instance.WorkspaceId;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.util.function.Function;

import static io.vavr.API.For;

/**
 * The create body, read into the domain's request: the JSON shape is checked here (fields, types, required
 * objects), the ids, pool and credential as they are read, and the business rules (name, description, catalog,
 * storage, auto stop, idle stop) by {@link InstanceCreation}.
 */
public final class CreateInstanceReader {

    private CreateInstanceReader() {
    }

    public static Either<RequestError, InstanceCreation.Request> read(ObjectNode body, ProjectId project, UserRef owner) {
        return JsonFields.of(body)
                .accepting("name", "description", "profile_id", "flavor", "spec", "workspace", "pool", "ai_project")
                .flatMap(fields -> For(
                        fields.required("name", fields::string),
                        fields.string("description"),
                        fields.required("profile_id", fields::string),
                        fields.required("flavor", fields::string),
                        fields.required("spec", fields::object).flatMap(CreateInstanceReader::spec),
                        fields.object("workspace").flatMap(workspace -> id(workspace, WorkspaceId::of)),
                        fields.object("pool").flatMap(CreateInstanceReader::pool),
                        fields.object("ai_project").flatMap(aiProject -> id(aiProject, AiProjectId::of))
                ).yield((name, description, profileId, flavor, spec, workspace, pool, aiProject) ->
                        new InstanceCreation.Request(project, owner, name, description, profileId, flavor,
                                spec.storage(), spec.extendStorage(), spec.autoStop(), pool, workspace, aiProject,
                                spec.credential(), spec.annotations(), spec.idleStop())));
    }

    private record Spec(Storage.Request storage, List<Storage.Request> extendStorage, AutoStopChange autoStop,
                        Map<String, String> annotations, Option<Credential> credential, IdleStopChange idleStop) {
    }

    private static Either<RequestError, Spec> spec(JsonFields spec) {
        return spec.accepting("storage", "extend_storage", "auto_stop", "annotations", "credential", "idle_stop")
                .flatMap(fields -> For(
                        fields.required("storage", fields::object).flatMap(CreateInstanceReader::storage),
                        fields.objects("extend_storage").flatMap(CreateInstanceReader::storages),
                        fields.object("auto_stop").flatMap(AutoStopReader::read),
                        fields.stringMap("annotations"),
                        fields.object("credential").flatMap(CreateInstanceReader::credential),
                        fields.object("idle_stop").flatMap(IdleStopReader::read)
                ).yield(Spec::new));
    }

    private static Either<RequestError, List<Storage.Request>> storages(Option<List<JsonFields>> storages) {
        return Either.sequenceRight(storages.getOrElse(List.empty()).map(CreateInstanceReader::storage)).map(List::ofAll);
    }

    private static Either<RequestError, Storage.Request> storage(JsonFields storage) {
        return storage.accepting("type", "location").flatMap(fields -> fields.string("type")
                .flatMap(type -> fields.object("location").flatMap(location -> withLocation(type, location))));
    }

    private static Either<RequestError, Storage.Request> withLocation(Option<String> type, Option<JsonFields> location) {
        return location.map(given -> given.accepting("path", "volume_size", "mount_path", "access_modes").flatMap(fields -> For(
                fields.string("path"),
                fields.integer("volume_size").map(size -> size.map(CreateInstanceReader::saturatedInt)),
                fields.string("mount_path"),
                fields.string("access_modes")
        ).yield((path, volumeSize, mountPath, accessMode) -> new Storage.Request(type, path, volumeSize, mountPath, accessMode))))
                .getOrElse(Either.right(new Storage.Request(type, Option.none(), Option.none(), Option.none(), Option.none())));
    }

    /** A size beyond the range of an int is out of the EVS range anyway; the storage rule refuses it. */
    private static int saturatedInt(long value) {
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
    }

    private static Either<RequestError, Option<Credential>> credential(Option<JsonFields> credential) {
        return credential.map(given -> given.accepting("access_key", "secret_key").flatMap(fields -> For(
                fields.required("access_key", fields::string).flatMap(key -> rule(Credential.accessKeyId(key))),
                fields.required("secret_key", fields::string).flatMap(key -> rule(Credential.secretAccessKey(key)))
        ).yield((accessKey, secretKey) -> Option.some(new Credential(accessKey, secretKey))))).getOrElse(Either.right(Option.none()));
    }

    /** {@code workspace} and {@code ai_project}: an object with an {@code id}. */
    private static <T> Either<RequestError, Option<T>> id(Option<JsonFields> owner, Function<String, Either<DomainError, T>> parse) {
        return owner.map(given -> given.accepting("id")
                .flatMap(fields -> fields.required("id", fields::string).flatMap(id -> rule(parse.apply(id))))
                .map(Option::some)).getOrElse(Either.right(Option.none()));
    }

    /** A dedicated pool: {@code id}, {@code type} and {@code owner.project_id} are required. */
    private static Either<RequestError, Option<Pool>> pool(Option<JsonFields> pool) {
        return pool.map(given -> given.accepting("id", "name", "type", "owner").flatMap(fields -> For(
                fields.required("id", fields::string).flatMap(id -> rule(PoolId.of(id))),
                fields.string("name"),
                fields.required("type", fields::string).flatMap(type -> rule(Pool.checkType(type))),
                fields.required("owner", fields::object).flatMap(CreateInstanceReader::poolOwner)
        ).yield((id, name, type, owner) -> Option.some(Pool.named(id, name, owner)))))
                .getOrElse(Either.right(Option.none()));
    }

    /** The owner's project id is refused as the pool's field, not as the project of the request. */
    private static Either<RequestError, ProjectId> poolOwner(JsonFields owner) {
        return owner.accepting("project_id")
                .flatMap(fields -> fields.required("project_id", fields::string)
                        .flatMap(id -> ProjectId.of(id).mapLeft(invalid -> new RequestError.IncorrectValue(fields.pathOf("project_id")))));
    }

    private static <T> Either<RequestError, T> rule(Either<DomainError, T> checked) {
        return checked.mapLeft(RequestError.BrokenRule::new);
    }
}
