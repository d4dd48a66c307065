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
 * The JSON documents an instance row keeps for its nested parts. The documents are this adapter's own
 * storage format, not the API's: they change only together with a migration that rewrites them.
 * The credential document is sealed before it is stored (see {@link CredentialCipher}).
 */
final class InstanceDocuments {

    private final ObjectMapper mapper = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    String profile(Profile profile) {
        return write(new ProfileDocument(profile.id(), profile.name(), profile.description(),
                profile.flavorTypes().toJavaList(),
                new ImageDocument(profile.image().namespace(), profile.image().name(), profile.image().tag()),
                profile.labels().toJavaMap()));
    }

    Profile profile(String json) {
        ProfileDocument document = read(json, ProfileDocument.class);
        return new Profile(document.id(), document.name(), document.description(),
                LinkedHashSet.ofAll(document.flavorTypes()),
                new Profile.Image(document.image().namespace(), document.image().name(), document.image().tag()),
                LinkedHashMap.ofAll(document.labels()));
    }

    /** Everything about the flavor but its name, which is a column. */
    String flavorDetails(Flavor flavor) {
        return write(new FlavorDocument(flavor.type(), flavor.promoType(), flavor.saleStatus(),
                flavor.storageTypes().toJavaList(), flavor.params().toJavaMap(),
                flavor.autoStopDuration().map(Duration::getSeconds).getOrNull(), flavor.storeTimeHours(),
                flavor.billingFlavor().getOrNull(), flavor.billingParams().getOrNull()));
    }

    Flavor flavor(String name, String detailsJson) {
        FlavorDocument document = read(detailsJson, FlavorDocument.class);
        return new Flavor(name, document.type(), document.promoType(), document.saleStatus(),
                List.ofAll(document.storageTypes()), LinkedHashMap.ofAll(document.params()),
                Option.of(document.autoStopDurationSeconds()).map(Duration::ofSeconds), document.storeTimeHours(),
                Option.of(document.billingFlavor()), Option.of(document.billingParams()));
    }

    /** Everything about the spec but the credential, which is sealed apart. */
    String spec(NotebookSpec spec) {
        return write(new SpecDocument(storage(spec.storage()), spec.extendStorage().map(InstanceDocuments::storage).toJavaList(),
                spec.annotations().toJavaMap(), spec.extendParams().toJavaMap()));
    }

    NotebookSpec spec(String json, Option<Credential> credential) {
        SpecDocument document = read(json, SpecDocument.class);
        return new NotebookSpec(storage(document.storage()), List.ofAll(document.extendStorage()).map(InstanceDocuments::storage),
                credential, LinkedHashMap.ofAll(document.annotations()), LinkedHashMap.ofAll(document.extendParams()));
    }

    String failure(FailedReason failure) {
        return write(new FailureDocument(failure.code(), failure.message(), failure.detail().toJavaMap()));
    }

    FailedReason failure(String json) {
        FailureDocument document = read(json, FailureDocument.class);
        return new FailedReason(document.code(), document.message(), LinkedHashMap.ofAll(document.detail()));
    }

    String credential(Credential credential) {
        return write(new CredentialDocument(credential.accessKeyId(), credential.secretAccessKey()));
    }

    Credential credential(String json) {
        CredentialDocument document = read(json, CredentialDocument.class);
        return new Credential(document.accessKeyId(), document.secretAccessKey());
    }

    private static StorageDocument storage(Storage storage) {
        return new StorageDocument(storage.type(), storage.path().getOrNull(), storage.volumeSizeGb().getOrNull(),
                storage.mountPath().getOrNull(), storage.accessMode().getOrNull());
    }

    private static Storage storage(StorageDocument document) {
        return new Storage(document.type(), Option.of(document.path()), Option.of(document.volumeSizeGb()),
                Option.of(document.mountPath()), Option.of(document.accessMode()));
    }

    private String write(Object document) {
        try {
            return mapper.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T read(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("a stored " + type.getSimpleName() + " cannot be read", e);
        }
    }

    private record ProfileDocument(String id, String name, String description, java.util.List<FlavorType> flavorTypes,
                                   ImageDocument image, Map<String, String> labels) {
    }

    private record ImageDocument(String namespace, String name, String tag) {
    }

    private record FlavorDocument(FlavorType type, PromoType promoType, SaleStatus saleStatus,
                                  java.util.List<StorageType> storageTypes, Map<String, Object> params,
                                  Long autoStopDurationSeconds, int storeTimeHours,
                                  String billingFlavor, Integer billingParams) {
    }

    private record SpecDocument(StorageDocument storage, java.util.List<StorageDocument> extendStorage,
                                Map<String, String> annotations, Map<String, String> extendParams) {
    }

    private record StorageDocument(StorageType type, String path, Integer volumeSizeGb, String mountPath,
                                   Storage.AccessMode accessMode) {
    }

    private record FailureDocument(String code, String message, Map<String, String> detail) {
    }

    private record CredentialDocument(String accessKeyId, String secretAccessKey) {
    }
}
