package io.demanager.domain.instance;

import io.demanager.domain.autostop.AutoStopChange;
import io.demanager.domain.autostop.AutoStopPolicy;
import io.demanager.domain.autostop.AutoStopSettings;
import io.demanager.domain.catalog.Flavor;
import io.demanager.domain.catalog.Profile;
import io.demanager.domain.catalog.StorageType;
import io.demanager.domain.error.DomainError;
import io.demanager.domain.error.InstanceAttribute;
import io.demanager.domain.error.StorageAttribute;
import io.demanager.domain.idle.IdleStopChange;
import io.demanager.domain.idle.IdleStopPolicy;
import io.demanager.domain.idle.IdleStopSettings;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.time.Instant;
import java.util.Objects;

import static io.vavr.API.For;

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
            Option<WorkspaceId> workspaceId,
            Option<AiProjectId> aiProjectId,
            Option<Credential> credential,
            Map<String, String> annotations,
            IdleStopChange idleStop) {

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
            Objects.requireNonNull(idleStop, "idleStop");
        }

        /** A request that leaves idle stop disabled. */
        public Request(ProjectId projectId, UserRef owner, String name, Option<String> description, String profileId,
                       String flavorName, Storage.Request storage, List<Storage.Request> extendStorage,
                       AutoStopChange autoStop, Option<Pool> pool, Option<WorkspaceId> workspaceId,
                       Option<AiProjectId> aiProjectId, Option<Credential> credential, Map<String, String> annotations) {
            this(projectId, owner, name, description, profileId, flavorName, storage, extendStorage, autoStop, pool,
                    workspaceId, aiProjectId, credential, annotations, IdleStopChange.NONE);
        }
    }

    /** What the caller found for the request: the catalog entries it names, and the free flavor's room. */
    public record Context(Option<Profile> profile, Option<Flavor> flavor, boolean freeCapacityLeft,
                          AutoStopPolicy policy, IdleStopPolicy idlePolicy, InstanceId newId, Instant now) {
    }

    private InstanceCreation() {
    }

    public static Either<DomainError, Instance> create(Request request, Context context) {
        return For(
                InstanceName.of(request.name()),
                name -> description(request),
                (name, description) -> offering(request, context),
                (name, description, offering) -> setUp(request, offering.flavor(), context)
        ).yield((name, description, offering, setUp) -> newInstance(request, context, name, description, offering, setUp));
    }

    /** The catalog entries the request names, checked to fit together. */
    private record Offering(Profile profile, Flavor flavor) {
    }

    /** What the instance is given to run with, checked against its flavor. */
    private record SetUp(NotebookSpec spec, AutoStopSettings autoStop, IdleStopSettings idleStop) {
    }

    private static Either<DomainError, Offering> offering(Request request, Context context) {
        return For(profile(request, context), flavor(request, context))
                .yield(Offering::new)
                .flatMap(InstanceCreation::profileRunsOnFlavor);
    }

    private static Either<DomainError, SetUp> setUp(Request request, Flavor flavor, Context context) {
        return For(
                storage(request, flavor),
                extendStorage(request, flavor),
                request.autoStop().applyTo(AutoStopSettings.initialFor(flavor), flavor, context.policy()),
                request.idleStop().applyTo(IdleStopSettings.DISABLED, context.idlePolicy())
        ).yield((storage, extendStorage, autoStop, idleStop) -> new SetUp(
                new NotebookSpec(storage, extendStorage, request.credential(), request.annotations(), LinkedHashMap.empty()),
                autoStop, idleStop));
    }

    private static Either<DomainError, Description> description(Request request) {
        return request.description().map(Description::of).getOrElse(Either.right(Description.EMPTY));
    }

    private static Either<DomainError, Profile> profile(Request request, Context context) {
        return request.profileId() == null
                ? Either.left(new DomainError.RequiredProperty(InstanceAttribute.PROFILE))
                : context.profile().toEither(() -> new DomainError.IncorrectValue(InstanceAttribute.PROFILE));
    }

    private static Either<DomainError, Flavor> flavor(Request request, Context context) {
        if (request.flavorName() == null) {
            return Either.left(new DomainError.RequiredProperty(InstanceAttribute.FLAVOR));
        }
        return context.flavor()
                .toEither(() -> (DomainError) new DomainError.FlavorNotSupported(request.flavorName()))
                .flatMap(flavor -> flavor.isSoldOut()
                        ? Either.left(new DomainError.FlavorSoldOut(flavor.name()))
                        : Either.right(flavor));
    }

    private static Either<DomainError, Offering> profileRunsOnFlavor(Offering offering) {
        return offering.profile().runsOn(offering.flavor())
                ? Either.right(offering)
                : Either.left(new DomainError.ProfileDoesNotMatchFlavor(offering.profile().id(), offering.flavor().name()));
    }

    private static Either<DomainError, Storage> storage(Request request, Flavor flavor) {
        return storage(request.storage(), Option.none(), flavor.storageTypes(), request.pool().isDefined());
    }

    /** The API documents extended storage as obsfs only; each entry's errors name its index. */
    private static Either<DomainError, List<Storage>> extendStorage(Request request, Flavor flavor) {
        List<StorageType> allowed = flavor.storageTypes().filter(type -> type == StorageType.OBSFS);
        return Either.sequenceRight(request.extendStorage().zipWithIndex().map(entry ->
                        storage(entry._1, Option.some(entry._2), allowed, request.pool().isDefined())))
                .map(List::ofAll);
    }

    /** A storage of a type the flavor offers ({@code storage_list}), then the storage rules. */
    private static Either<DomainError, Storage> storage(Storage.Request storage, Option<Integer> extendedIndex,
                                                        List<StorageType> allowed, boolean inDedicatedPool) {
        boolean typeRefused = storage.type().exists(name -> !allowed.exists(type -> type.wireName().equals(name)));
        return typeRefused
                ? Either.left(new DomainError.IncorrectValue(new StorageAttribute(extendedIndex, StorageAttribute.Part.TYPE)))
                : Storage.of(storage, extendedIndex, inDedicatedPool);
    }

    private static Instance newInstance(Request request, Context context, InstanceName name, Description description,
                                        Offering offering, SetUp setUp) {
        boolean queued = offering.flavor().isFree() && !context.freeCapacityLeft();
        Instant now = context.now();
        return new Instance(context.newId(), request.projectId(), name, description,
                queued ? InstanceStatus.CREATE_QUEUING : InstanceStatus.CREATING,
                now, now, offering.profile(), offering.flavor(), request.pool(), setUp.spec(), setUp.autoStop(),
                Option.none(), Option.none(),
                queued ? Option.some(now) : Option.none(), Option.none(), Option.none(),
                request.workspaceId().getOrElse(Instance.DEFAULT_WORKSPACE),
                request.aiProjectId().getOrElse(Instance.DEFAULT_AI_PROJECT),
                request.owner(), setUp.idleStop(), Option.none(), Option.none(), 0);
    }
}
