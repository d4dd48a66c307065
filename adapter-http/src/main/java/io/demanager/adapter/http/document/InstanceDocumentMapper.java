package io.demanager.adapter.http.document;

import io.demanager.adapter.http.document.InstanceDocument.AutoStopView;
import io.demanager.adapter.http.document.InstanceDocument.CredentialView;
import io.demanager.adapter.http.document.InstanceDocument.FailedReasons;
import io.demanager.adapter.http.document.InstanceDocument.FlavorDetails;
import io.demanager.adapter.http.document.InstanceDocument.IdView;
import io.demanager.adapter.http.document.InstanceDocument.IdleStopView;
import io.demanager.adapter.http.document.InstanceDocument.Location;
import io.demanager.adapter.http.document.InstanceDocument.Owner;
import io.demanager.adapter.http.document.InstanceDocument.PoolView;
import io.demanager.adapter.http.document.InstanceDocument.ProfileView;
import io.demanager.adapter.http.document.InstanceDocument.Provision;
import io.demanager.adapter.http.document.InstanceDocument.ProvisionParams;
import io.demanager.adapter.http.document.InstanceDocument.ProvisionSpec;
import io.demanager.adapter.http.document.InstanceDocument.QueuingInfo;
import io.demanager.adapter.http.document.InstanceDocument.RetentionInfo;
import io.demanager.adapter.http.document.InstanceDocument.SpecView;
import io.demanager.adapter.http.document.InstanceDocument.StorageView;
import io.demanager.adapter.http.document.InstanceDocument.UserView;
import io.demanager.application.port.in.FreeFlavorQueue;
import io.demanager.application.port.in.InstanceSnapshot;
import io.demanager.application.port.in.QueuePosition;
import io.demanager.domain.autostop.AutoStopLease;
import io.demanager.domain.autostop.AutoStopSettings;
import io.demanager.domain.catalog.Flavor;
import io.demanager.domain.catalog.Profile;
import io.demanager.domain.catalog.SaleStatus;
import io.demanager.domain.catalog.StorageType;
import io.demanager.domain.instance.Credential;
import io.demanager.domain.instance.FailedReason;
import io.demanager.domain.instance.Instance;
import io.demanager.domain.instance.NotebookAccess;
import io.demanager.domain.instance.NotebookSpec;
import io.demanager.domain.instance.Pool;
import io.demanager.domain.instance.Storage;
import io.vavr.collection.Map;
import io.vavr.control.Option;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Maps an instance to the API's instance document (section 2 of {@code docs/devenviron-api.md}). */
public final class InstanceDocumentMapper {

    static final String DE_TYPE = "Notebook";
    static final String PROVISION_TYPE = "Docker";
    static final String ENGINE = "CCE";
    static final String URL_ANNOTATION = "url";
    static final String TARGET_DOMAIN_ANNOTATION = "target_domain";

    private InstanceDocumentMapper() {
    }

    public static InstanceDocument of(InstanceSnapshot snapshot) {
        Instance instance = snapshot.instance();
        FlavorDetails details = flavorDetails(instance.flavor(), snapshot.flavorQueue(), snapshot.takenAt());
        return new InstanceDocument(
                instance.id().value(),
                instance.name().value(),
                instance.description().value(),
                instance.status().name(),
                String.valueOf(instance.createdAt().toEpochMilli()),
                String.valueOf(instance.updatedAt().toEpochMilli()),
                profile(instance.profile(), instance.flavor()),
                instance.flavor().name(),
                details,
                instance.pool().map(InstanceDocumentMapper::pool).getOrNull(),
                spec(instance, snapshot.remainTimeSeconds()),
                new IdView(instance.workspaceId().value()),
                new IdView(instance.aiProjectId().value()),
                instance.failure().map(FailedReason::code).getOrNull(),
                instance.queuedSince().map(since -> queuingInfo(instance, details, since, snapshot.queuePosition(),
                        snapshot.takenAt())).getOrNull(),
                instance.retentionEnd().map(end -> new RetentionInfo(instance.inactiveSince().get().toEpochMilli(),
                        end.toEpochMilli(), secondsFrom(snapshot.takenAt(), end))).getOrNull(),
                new UserView(instance.owner().id(), instance.owner().name()));
    }

    private static ProfileView profile(Profile profile, Flavor flavor) {
        return new ProfileView(profile.id(), profile.name(), profile.description(), DE_TYPE,
                flavor.type().name(), provision(profile), nullIfEmpty(profile.labels()));
    }

    static Provision provision(Profile profile) {
        Profile.Image image = profile.image();
        return new Provision(PROVISION_TYPE, new ProvisionSpec(ENGINE,
                new ProvisionParams(image.namespace(), image.name(), image.tag(), null)));
    }

    /** A free flavor whose places are all taken or owed to its queue shows as sold out: a newcomer would wait. */
    static FlavorDetails flavorDetails(Flavor flavor, Option<FreeFlavorQueue> queue, Instant now) {
        String status = queue.exists(FreeFlavorQueue::soldOut) ? SaleStatus.SOLD_OUT.wireName() : flavor.saleStatus().wireName();
        return new FlavorDetails(flavor.name(), status,
                queue.map(FreeFlavorQueue::queued).getOrNull(),
                queue.flatMap(FreeFlavorQueue::newcomerAdmittedAt).map(at -> secondsFrom(now, at)).getOrNull(),
                flavor.storageTypes().map(StorageType::wireName).toJavaList(),
                flavor.type().name(), flavor.params().toJavaMap(),
                flavor.promoType().wireName(),
                flavor.autoStopDuration().map(Duration::getSeconds).getOrNull(),
                flavor.storeTimeHours(),
                flavor.billingFlavor().getOrNull(),
                flavor.billingParams().getOrNull());
    }

    private static PoolView pool(Pool pool) {
        return new PoolView(pool.id().value(), pool.name(), Pool.TYPE,
                new Owner(pool.owner().value()));
    }

    private static SpecView spec(Instance instance, Option<Long> remainTime) {
        NotebookSpec spec = instance.spec();
        AutoStopSettings autoStop = instance.autoStop();
        Option<AutoStopLease> lease = instance.lease();
        List<StorageView> extendStorage = spec.extendStorage().map(InstanceDocumentMapper::storage).toJavaList();
        return new SpecView(
                storage(spec.storage()),
                extendStorage.isEmpty() ? null : extendStorage,
                spec.credential().map(Credential::maskedAccessKeyId).map(CredentialView::new).getOrNull(),
                new AutoStopView(autoStop.enabled(),
                        autoStop.duration().map(Duration::getSeconds).getOrNull(),
                        autoStop.prompt(),
                        lease.map(AutoStopLease::stopAt).map(Instant::toEpochMilli).getOrNull(),
                        lease.flatMap(ignored -> remainTime).getOrNull()),
                new IdleStopView(instance.idleStop().enabled(),
                        instance.idleStop().idleTime().map(Duration::getSeconds).getOrNull()),
                instance.failure().map(reason -> new FailedReasons(reason.code(), reason.message(),
                        nullIfEmpty(reason.detail()))).getOrNull(),
                nullIfEmpty(annotations(spec, instance.access())),
                nullIfEmpty(spec.extendParams()));
    }

    /** The caller's annotations, and while the notebook runs, where it answers ({@code url}, {@code target_domain}). */
    private static Map<String, String> annotations(NotebookSpec spec, Option<NotebookAccess> access) {
        return access.fold(spec::annotations, notebook -> spec.annotations()
                .put(URL_ANNOTATION, notebook.url())
                .put(TARGET_DOMAIN_ANNOTATION, notebook.targetDomain()));
    }

    private static StorageView storage(Storage storage) {
        return new StorageView(storage.type().wireName(), new Location(
                storage.path().getOrNull(),
                storage.volumeSizeGb().getOrNull(),
                storage.mountPath().getOrNull(),
                storage.accessMode().map(Enum::name).getOrNull()));
    }

    private static QueuingInfo queuingInfo(Instance instance, FlavorDetails details, Instant since,
                                           Option<QueuePosition> position, Instant now) {
        Option<Instant> admittedAt = position.flatMap(QueuePosition::admittedAt);
        return new QueuingInfo(instance.id().value(), instance.name().value(), DE_TYPE,
                instance.flavor().name(), details, instance.status().name(), since.toEpochMilli(),
                position.map(QueuePosition::rank).getOrNull(),
                admittedAt.map(at -> secondsFrom(now, at)).getOrNull(),
                admittedAt.map(Instant::toEpochMilli).getOrNull());
    }

    /** Whole seconds from {@code now} to {@code later}, rounded up; none are left once it has passed. */
    private static long secondsFrom(Instant now, Instant later) {
        long millis = Math.max(0, Duration.between(now, later).toMillis());
        return (millis + 999) / 1000;
    }

    private static <V> java.util.Map<String, V> nullIfEmpty(Map<String, V> map) {
        return map.isEmpty() ? null : map.toJavaMap();
    }
}
