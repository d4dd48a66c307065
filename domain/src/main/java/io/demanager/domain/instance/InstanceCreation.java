package io.demanager.domain.instance;

import io.demanager.domain.autostop.AutoStopChange;
import io.demanager.domain.autostop.AutoStopPolicy;
import io.demanager.domain.autostop.AutoStopSettings;
import io.demanager.domain.catalog.Flavor;
import io.demanager.domain.catalog.Profile;
import io.demanager.domain.catalog.StorageType;
import io.demanager.domain.error.DomainError;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.time.Instant;
import java.util.Objects;

/**
 * The rules for creating an instance: each requested value is checked in the order the API documents,
 * and the first broken rule is the answer. The caller looks the profile and flavor up in the catalog.
 */
public final class InstanceCreation {

    /** What a user asked for, before any rule was checked. */
    public record Request(
            ProjectId projectId,
            UserRef owner,
            String name,
            Option<String> description,
            String profileId,
            String flavorName,
            Storage.Request storage,
            List<Storage.Request> extendStorage,
            AutoStopChange autoStop,
            Option<Pool> pool,
            Option<String> workspaceId,
            Option<String> aiProjectId,
            Option<Credential> credential,
            Map<String, String> annotations) {

        public Request {
            Objects.requireNonNull(projectId, "projectId");
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(storage, "storage");
            Objects.requireNonNull(extendStorage, "extendStorage");
            Objects.requireNonNull(autoStop, "autoStop");
            Objects.requireNonNull(pool, "pool");
            Objects.requireNonNull(workspaceId, "workspaceId");
            Objects.requireNonNull(aiProjectId, "aiProjectId");
            Objects.requireNonNull(credential, "credential");
            Objects.requireNonNull(annotations, "annotations");
        }
    }

    /** What the caller found for the request: the catalog entries it names, and the free flavor's room. */
    public record Context(Option<Profile> profile, Option<Flavor> flavor, boolean freeCapacityLeft,
                          AutoStopPolicy policy, InstanceId newId, Instant now) {
    }

    private InstanceCreation() {
    }

    public static Either<DomainError, Instance> create(Request request, Context context) {
        return InstanceName.of(request.name()).flatMap(name ->
                description(request).flatMap(description ->
                profile(request, context).flatMap(profile ->
                flavor(request, context).flatMap(flavor ->
                profileRunsOn(profile, flavor).flatMap(ignored ->
                storage(request, flavor).flatMap(storage ->
                extendStorage(request, flavor).flatMap(extendStorage ->
                request.autoStop().applyTo(AutoStopSettings.initialFor(flavor), flavor, context.policy()).map(autoStop ->
                        newInstance(request, context, name, description, profile, flavor,
                                new NotebookSpec(storage, extendStorage, request.credential(), request.annotations(),
                                        io.vavr.collection.LinkedHashMap.empty()),
                                autoStop)))))))));
    }

    private static Either<DomainError, Description> description(Request request) {
        return request.description().map(Description::of).getOrElse(Either.right(Description.EMPTY));
    }

    private static Either<DomainError, Profile> profile(Request request, Context context) {
        return request.profileId() == null
                ? Either.left(new DomainError.RequiredProperty("profile_id"))
                : context.profile().toEither(() -> new DomainError.IncorrectValue("profile_id"));
    }

    private static Either<DomainError, Flavor> flavor(Request request, Context context) {
        if (request.flavorName() == null) {
            return Either.left(new DomainError.RequiredProperty("flavor"));
        }
        return context.flavor()
                .toEither(() -> (DomainError) new DomainError.FlavorNotSupported(request.flavorName()))
                .flatMap(flavor -> flavor.isSoldOut()
                        ? Either.left(new DomainError.FlavorSoldOut(flavor.name()))
                        : Either.right(flavor));
    }

    private static Either<DomainError, Profile> profileRunsOn(Profile profile, Flavor flavor) {
        return profile.runsOn(flavor)
                ? Either.right(profile)
                : Either.left(new DomainError.ProfileDoesNotMatchFlavor(profile.id(), flavor.name()));
    }

    private static Either<DomainError, Storage> storage(Request request, Flavor flavor) {
        return storage(request.storage(), "spec.storage", flavor.storageTypes(), request.pool().isDefined());
    }

    /** The API documents extended storage as obsfs only; each entry's errors name its index. */
    private static Either<DomainError, List<Storage>> extendStorage(Request request, Flavor flavor) {
        List<StorageType> allowed = flavor.storageTypes().filter(type -> type == StorageType.OBSFS);
        return Either.sequenceRight(request.extendStorage().zipWithIndex().map(entry ->
                        storage(entry._1, "spec.extend_storage[" + entry._2 + "]", allowed, request.pool().isDefined())))
                .map(List::ofAll);
    }

    /** A storage of a type the flavor offers ({@code storage_list}), then the storage rules. */
    private static Either<DomainError, Storage> storage(Storage.Request storage, String field, List<StorageType> allowed,
                                                        boolean inDedicatedPool) {
        boolean typeRefused = storage.type().exists(name -> !allowed.exists(type -> type.wireName().equals(name)));
        return typeRefused
                ? Either.left(new DomainError.IncorrectValue(field + ".type"))
                : Storage.of(storage, field, inDedicatedPool);
    }

    private static Instance newInstance(Request request, Context context, InstanceName name, Description description,
                                        Profile profile, Flavor flavor, NotebookSpec spec, AutoStopSettings autoStop) {
        boolean queued = flavor.isFree() && !context.freeCapacityLeft();
        Instant now = context.now();
        return new Instance(context.newId(), request.projectId(), name, description,
                queued ? InstanceStatus.CREATE_QUEUING : InstanceStatus.CREATING,
                now, now, profile, flavor, request.pool(), spec, autoStop, Option.none(), Option.none(),
                queued ? Option.some(now) : Option.none(), Option.none(),
                request.workspaceId().getOrElse(Instance.DEFAULT_WORKSPACE),
                request.aiProjectId().getOrElse(Instance.DEFAULT_AI_PROJECT),
                request.owner(), 0);
    }
}
