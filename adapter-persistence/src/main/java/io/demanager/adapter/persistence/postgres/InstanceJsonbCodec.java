package io.demanager.adapter.persistence.postgres;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.demanager.domain.catalog.Flavor;
import io.demanager.domain.catalog.FlavorType;
import io.demanager.domain.catalog.Profile;
import io.demanager.domain.catalog.PromoType;
import io.demanager.domain.catalog.SaleStatus;
import io.demanager.domain.catalog.StorageType;
import io.demanager.domain.instance.Credential;
import io.demanager.domain.instance.FailedReason;
import io.demanager.domain.instance.NotebookSpec;
import io.demanager.domain.instance.Storage;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.LinkedHashSet;
import io.vavr.collection.List;
import io.vavr.control.Option;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;

/**
 * The JSONB codec of an instance row: the nested parts (profile, flavor details, spec, failure, credential) as the
 * {@code Stored*} records this adapter writes. They are its own storage format, not the API's documents: they change
 * only together with a migration that rewrites them.
 * The credential document is sealed before it is stored (see {@link CredentialCipher}).
 */
final class InstanceJsonbCodec {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final SnapshotCache<Profile> profiles = new SnapshotCache<>();
    private final SnapshotCache<Flavor> flavors = new SnapshotCache<>();

    String profile(Profile profile) {
        return write(new StoredProfile(profile.id(), profile.name(), profile.description(),
                profile.flavorTypes().toJavaList(),
                new StoredImage(profile.image().namespace(), profile.image().name(), profile.image().tag()),
                profile.labels().toJavaMap()));
    }

    /** A catalog snapshot, parsed once (see {@link SnapshotCache}). */
    Profile profile(String json) {
        return profiles.parsedOnce(json, () -> parseProfile(json));
    }

    private Profile parseProfile(String json) {
        StoredProfile document = read(json, StoredProfile.class);
        return new Profile(document.id(), document.name(), document.description(),
                LinkedHashSet.ofAll(document.flavorTypes()),
                new Profile.Image(document.image().namespace(), document.image().name(), document.image().tag()),
                LinkedHashMap.ofAll(document.labels()));
    }

    /** Everything about the flavor but its name, which is a column. */
    String flavorDetails(Flavor flavor) {
        return write(new StoredFlavorDetails(flavor.type(), flavor.promoType(), flavor.saleStatus(),
                flavor.storageTypes().toJavaList(), flavor.params().toJavaMap(),
                flavor.autoStopDuration().map(Duration::getSeconds).getOrNull(), flavor.storeTimeHours(),
                flavor.billingFlavor().getOrNull(), flavor.billingParams().getOrNull()));
    }

    /** A catalog snapshot, parsed once (see {@link SnapshotCache}). */
    Flavor flavor(String name, String detailsJson) {
        return flavors.parsedOnce(name + '\n' + detailsJson, () -> parseFlavor(name, detailsJson));
    }

    private Flavor parseFlavor(String name, String detailsJson) {
        StoredFlavorDetails document = read(detailsJson, StoredFlavorDetails.class);
        return new Flavor(name, document.type(), document.promoType(), document.saleStatus(),
                List.ofAll(document.storageTypes()), LinkedHashMap.ofAll(document.params()),
                Option.of(document.autoStopDurationSeconds()).map(Duration::ofSeconds), document.storeTimeHours(),
                Option.of(document.billingFlavor()), Option.of(document.billingParams()));
    }

    /** Everything about the spec but the credential, which is sealed apart. */
    String spec(NotebookSpec spec) {
        return write(new StoredSpec(storage(spec.storage()), spec.extendStorage().map(InstanceJsonbCodec::storage).toJavaList(),
                spec.annotations().toJavaMap(), spec.extendParams().toJavaMap()));
    }

    NotebookSpec spec(String json, Option<Credential> credential) {
        StoredSpec document = read(json, StoredSpec.class);
        return new NotebookSpec(storage(document.storage()), List.ofAll(document.extendStorage()).map(InstanceJsonbCodec::storage),
                credential, LinkedHashMap.ofAll(document.annotations()), LinkedHashMap.ofAll(document.extendParams()));
    }

    String failure(FailedReason failure) {
        return write(new StoredFailure(failure.code(), failure.message(), failure.detail().toJavaMap()));
    }

    FailedReason failure(String json) {
        StoredFailure document = read(json, StoredFailure.class);
        return new FailedReason(document.code(), document.message(), LinkedHashMap.ofAll(document.detail()));
    }

    String credential(Credential credential) {
        return write(new StoredCredential(credential.accessKeyId(), credential.secretAccessKey()));
    }

    Credential credential(String json) {
        StoredCredential document = read(json, StoredCredential.class);
        return new Credential(document.accessKeyId(), document.secretAccessKey());
    }

    private static StoredStorage storage(Storage storage) {
        return new StoredStorage(storage.type(), storage.path().getOrNull(), storage.volumeSizeGb().getOrNull(),
                storage.mountPath().getOrNull(), storage.accessMode().getOrNull());
    }

    private static Storage storage(StoredStorage document) {
        return new Storage(document.type(), Option.of(document.path()), Option.of(document.volumeSizeGb()),
                Option.of(document.mountPath()), Option.of(document.accessMode()));
    }

    private String write(Object document) {
        try {
            return MAPPER.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("a stored " + type.getSimpleName() + " cannot be read", e);
        }
    }

    private record StoredProfile(String id, String name, String description, java.util.List<FlavorType> flavorTypes,
                                   StoredImage image, Map<String, String> labels) {
    }

    private record StoredImage(String namespace, String name, String tag) {
    }

    private record StoredFlavorDetails(FlavorType type, PromoType promoType, SaleStatus saleStatus,
                                  java.util.List<StorageType> storageTypes, Map<String, Object> params,
                                  Long autoStopDurationSeconds, int storeTimeHours,
                                  String billingFlavor, Integer billingParams) {
    }

    private record StoredSpec(StoredStorage storage, java.util.List<StoredStorage> extendStorage,
                                Map<String, String> annotations, Map<String, String> extendParams) {
    }

    private record StoredStorage(StorageType type, String path, Integer volumeSizeGb, String mountPath,
                                   Storage.AccessMode accessMode) {
    }

    private record StoredFailure(String code, String message, Map<String, String> detail) {
    }

    private record StoredCredential(String accessKeyId, String secretAccessKey) {
    }
}
