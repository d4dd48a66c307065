package io.demanager.domain.error;

/**
 * The ModelArts error codes this engine answers with, and their message templates.
 * Each {@code {}} in a template is filled, in order, by the arguments of a {@link DomainError}.
 */
public enum ErrorCode {
    INSTANCE_ALREADY_EXISTS("ModelArts.6301", "The instance already exists."),
    SORT_FIELD_NOT_SUPPORTED("ModelArts.6303", "The field does not support sorting."),
    STOP_BEFORE_DELETING("ModelArts.6304", "Please stop the instance before deleting."),
    ALREADY_RUNNING("ModelArts.6305", "The instance is already running."),
    INSTANCE_STARTING("ModelArts.6306", "The instance is starting."),
    ALREADY_STOPPED("ModelArts.6307", "The instance has already been stopped."),
    INSTANCE_STOPPING("ModelArts.6308", "The instance is stopping."),
    INSTANCE_NOT_FOUND("ModelArts.6309", "The instance does not exist."),
    PATH_MUST_END_WITH_SLASH("ModelArts.6318", "The param 'path' needs to end with /."),
    FLAVOR_NOT_SUPPORTED("ModelArts.6323", "The flavor is not supported."),
    NOT_RUNNING("ModelArts.6327", "The instance is not in running. Please refresh the page and start it."),
    FLAVOR_SOLD_OUT("ModelArts.6329", "The flavor is sold out."),
    PROFILE_DOES_NOT_MATCH_FLAVOR("ModelArts.6330", "The profile does not match the flavor type."),
    EVS_VOLUME_SIZE_OUT_OF_RANGE("ModelArts.6331", "The EVS volume size ranges from 5 to 4096."),
    WRONG_TYPE("ModelArts.6332", "Incorrect parameter type. The '{}' parameter must be of the '{}' type."),
    CHARACTER_NOT_ALLOWED("ModelArts.6334", "Invalid value for name or description. The character {} is not allowed."),
    REQUIRED_PROPERTY("ModelArts.6335", "'{}' is a required property."),
    INCORRECT_VALUE("ModelArts.6336", "'{}' property value is incorrect."),
    DURATION_REQUIRED("ModelArts.6348", "The 'duration' parameter is mandatory for enabling auto stop."),
    DURATION_OUT_OF_RANGE("ModelArts.6349", "The 'duration' parameter is incorrect. The value ranges from {} to {}."),
    OPERATION_NOT_ALLOWED("ModelArts.6357",
            "The operation is not allowed: another operation is in progress or the instance is already in the target state."),
    VERSION_MISMATCH("ModelArts.6357",
            "The instance has changed since version {}: read it again before changing it."),
    BUCKET_ROOT_NOT_ALLOWED("ModelArts.6358", "The path cannot be the root directory of a bucket."),
    INVALID_PAYLOAD("ModelArts.6400", "The request payload is invalid."),
    UNAUTHENTICATED("ModelArts.6620", "Please refresh the user token."),
    PROJECT_NOT_ALLOWED("ModelArts.6621", "The token does not allow acting in this project."),
    PERMISSION_NOT_GRANTED("ModelArts.6622", "The token does not grant the '{}' permission in this project.");

    private final String code;
    private final String template;

    ErrorCode(String code, String template) {
        this.code = code;
        this.template = template;
    }

    /** The ModelArts code as sent to clients, for example {@code ModelArts.6309}. */
    public String code() {
        return code;
    }

    public String template() {
        return template;
    }

    /** The template with each {@code {}} replaced by the next argument. */
    public String render(java.util.List<?> arguments) {
        var message = new StringBuilder();
        int from = 0;
        for (Object argument : arguments) {
            int at = template.indexOf("{}", from);
            if (at < 0) {
                break;
            }
            message.append(template, from, at).append(argument);
            from = at + 2;
        }
        return message.append(template.substring(from)).toString();
    }
}
