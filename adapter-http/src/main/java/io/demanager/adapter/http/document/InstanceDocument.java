package io.demanager.adapter.http.document;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/**
 * The instance document of section 2 of {@code docs/devenviron-api.md}, as detail, create and modify answer it. Field names are
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
        ProfileView profile,
        String flavor,
        FlavorDetails flavorDetails,
        PoolView pool,
        SpecView spec,
        IdView workspace,
        IdView aiProject,
        String errorCode,
        QueuingInfo queuingInfo,
        RetentionInfo retentionInfo,
        UserView user) {

    public record ProfileView(String id, String name, String description, String deType, String flavorType,
                                  Provision provision, Map<String, String> labels) {
    }

    public record Provision(String type, ProvisionSpec spec) {
    }

    public record ProvisionSpec(String engine, ProvisionParams params) {
    }

    public record ProvisionParams(String namespace, String imageName, String imageTag,
                                  @JsonInclude(JsonInclude.Include.ALWAYS) Map<String, String> annotations) {
    }

    /** {@code queuing_num} and {@code queue_left_time} (seconds) only for a free flavor, whose queue was read. */
    public record FlavorDetails(String name, String status, Long queuingNum, Long queueLeftTime, List<String> storageList,
                                String type, Map<String, Object> params, String promoType, Long duration, Integer storeTime,
                                String billingFlavor, Integer billingParams) {
    }

    public record PoolView(String id, String name, String type, Owner owner) {
    }

    public record Owner(String projectId) {
    }

    public record SpecView(StorageView storage, List<StorageView> extendStorage, CredentialView credential,
                           AutoStopView autoStop, IdleStopView idleStop, FailedReasons failedReasons,
                           Map<String, String> annotations, Map<String, String> extendParams) {
    }

    public record StorageView(String type, Location location) {
    }

    public record Location(String path, Integer volumeSize, String mountPath, String accessModes) {
    }

    /** Only the first characters of the access key, never the secret key. */
    public record CredentialView(String accessKey) {
    }

    /** {@code stop_timestamp} and {@code remain_time} only while RUNNING with a lease. */
    public record AutoStopView(boolean enable, Long duration, boolean prompt, Long stopTimestamp, Long remainTime) {
    }

    /** {@code idle_seconds} once one was given, kept while disabled. */
    public record IdleStopView(boolean enable, Long idleSeconds) {
    }

    public record FailedReasons(String code, String message, Map<String, String> detail) {
    }

    public record IdView(String id) {
    }

    /** {@code rank}, {@code remain_time} (seconds) and {@code end_timestamp} (the expected admission) when known. */
    public record QueuingInfo(String id, String name, String deType, String flavor, FlavorDetails flavorDetails,
                              String status, long beginTimestamp, Long rank, Long remainTime, Long endTimestamp) {
    }

    /**
     * Only while an inactive instance of a free flavor is kept for a time: when it became inactive, when the engine
     * deletes it unless it is started first ({@code delete_timestamp}), and the seconds left until then.
     */
    public record RetentionInfo(long beginTimestamp, long deleteTimestamp, long remainTime) {
    }

    public record UserView(String id, String name) {
    }
}
