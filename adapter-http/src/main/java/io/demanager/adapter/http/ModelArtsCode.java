package io.demanager.adapter.http;

/**
 * Every ModelArts error code this API answers with, each written once. {@link ErrorResponses} says which failure
 * gets which code, with which status and message.
 */
enum ModelArtsCode {
    PARAMETER_ERROR("ModelArts.0104"),
    SYSTEM_BUSY("ModelArts.6101"),
    INTERNAL_ERROR("ModelArts.6102"),
    INSTANCE_ALREADY_EXISTS("ModelArts.6301"),
    SORT_FIELD_NOT_SUPPORTED("ModelArts.6303"),
    STOP_BEFORE_DELETING("ModelArts.6304"),
    ALREADY_RUNNING("ModelArts.6305"),
    INSTANCE_STARTING("ModelArts.6306"),
    ALREADY_STOPPED("ModelArts.6307"),
    INSTANCE_STOPPING("ModelArts.6308"),
    INSTANCE_NOT_FOUND("ModelArts.6309"),
    PATH_MUST_END_WITH_SLASH("ModelArts.6318"),
    FLAVOR_NOT_SUPPORTED("ModelArts.6323"),
    NOT_RUNNING("ModelArts.6327"),
    FLAVOR_SOLD_OUT("ModelArts.6329"),
    PROFILE_DOES_NOT_MATCH_FLAVOR("ModelArts.6330"),
    EVS_VOLUME_SIZE_OUT_OF_RANGE("ModelArts.6331"),
    WRONG_TYPE("ModelArts.6332"),
    CHARACTER_NOT_ALLOWED("ModelArts.6334"),
    REQUIRED_PROPERTY("ModelArts.6335"),
    INCORRECT_VALUE("ModelArts.6336"),
    DURATION_REQUIRED("ModelArts.6348"),
    DURATION_OUT_OF_RANGE("ModelArts.6349"),
    /** Both a request the status does not allow and a change conditional on a version that is gone. */
    OPERATION_NOT_ALLOWED("ModelArts.6357"),
    BUCKET_ROOT_NOT_ALLOWED("ModelArts.6358"),
    INVALID_PAYLOAD("ModelArts.6400"),
    TOKEN_NOT_VALID("ModelArts.6620"),
    PROJECT_NOT_ALLOWED("ModelArts.6621"),
    PERMISSION_NOT_GRANTED("ModelArts.6622");

    private final String code;

    ModelArtsCode(String code) {
        this.code = code;
    }

    /** The code as sent to clients, for example {@code ModelArts.6309}. */
    String code() {
        return code;
    }
}
