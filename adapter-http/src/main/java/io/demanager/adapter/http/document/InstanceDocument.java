package io.demanager.adapter.http.document;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/**
 * The instance document of the contract's section 2, as detail, create and modify answer it. Field names are
 * written in snake_case by the response mapper; a {@code null} field is left out of the JSON, except
 * {@code annotations} of the provision parameters, which the contract's sample shows as {@code null}.
 */
public record InstanceDocument(
        String id,
        String name,
        String description,
        String status,
        String creationTimestamp,
        String latestUpdateTimestamp,
        ProfileDocument profile,
        String flavor,
        FlavorDetails flavorDetails,
        PoolDocument pool,
        SpecDocument spec,
        IdDocument workspace,
        IdDocument aiProject,
        String errorCode,
        QueuingInfo queuingInfo,
        UserDocument user) {

    public record ProfileDocument(String id, String name, String description, String deType, String flavorType,
                                  Provision provision, Map<String, String> labels) {
    }

    public record Provision(String type, ProvisionSpec spec) {
    }

    public record ProvisionSpec(String engine, ProvisionParams params) {
    }

    public record ProvisionParams(String namespace, String imageName, String imageTag,
                                  @JsonInclude(JsonInclude.Include.ALWAYS) Map<String, String> annotations) {
    }

    public record FlavorDetails(String name, String status, List<String> storageList, String type,
                                Map<String, Object> params, String promoType, Long duration, Integer storeTime,
                                String billingFlavor, Integer billingParams) {
    }

    public record PoolDocument(String id, String name, String type, Owner owner) {
    }

    public record Owner(String projectId) {
    }

    public record SpecDocument(StorageDocument storage, List<StorageDocument> extendStorage, CredentialDocument credential,
                               AutoStopDocument autoStop, FailedReasons failedReasons, Map<String, String> annotations,
                               Map<String, String> extendParams) {
    }

    public record StorageDocument(String type, Location location) {
    }

    public record Location(String path, Integer volumeSize, String mountPath, String accessModes) {
    }

    /** Only the first characters of the access key, never the secret key. */
    public record CredentialDocument(String accessKey) {
    }

    /** {@code stop_timestamp} and {@code remain_time} only while RUNNING with a lease. */
    public record AutoStopDocument(boolean enable, Long duration, boolean prompt, Long stopTimestamp, Long remainTime) {
    }

    public record FailedReasons(String code, String message, Map<String, String> detail) {
    }

    public record IdDocument(String id) {
    }

    public record QueuingInfo(String id, String name, String deType, String flavor, FlavorDetails flavorDetails,
                              String status, long beginTimestamp) {
    }

    public record UserDocument(String id, String name) {
    }
}
