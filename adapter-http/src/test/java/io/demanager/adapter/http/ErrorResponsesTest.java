package io.demanager.adapter.http;

import io.demanager.adapter.http.json.RequestError;
import io.demanager.domain.error.DomainError;
import io.demanager.domain.error.InstanceAttribute;
import io.demanager.domain.error.StorageAttribute;
import io.demanager.domain.error.StorageAttribute.Part;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class ErrorResponsesTest {

    /** One of each refusal of the domain, so that a new one without a sample fails the coverage test below. */
    private static final List<DomainError> ONE_OF_EACH_REFUSAL = List.of(
            new DomainError.InstanceAlreadyExists("notebook-c6fd"),
            new DomainError.StopBeforeDeleting(),
            new DomainError.AlreadyRunning(),
            new DomainError.InstanceStarting(),
            new DomainError.AlreadyStopped(),
            new DomainError.InstanceStopping(),
            new DomainError.InstanceNotFound("DE-7d558ef8-c73d-11ea-964c-0255ac100033"),
            new DomainError.PathMustEndWithSlash(mainStorage(Part.PATH)),
            new DomainError.FlavorNotSupported("modelarts.vm.cpu.64u"),
            new DomainError.NotRunning(),
            new DomainError.FlavorSoldOut("modelarts.vm.cpu.8u"),
            new DomainError.ProfileDoesNotMatchFlavor("Python3", "modelarts.vm.gpu.p100"),
            new DomainError.EvsVolumeSizeOutOfRange(4097),
            new DomainError.CharacterNotAllowed(InstanceAttribute.DESCRIPTION, '&'),
            new DomainError.RequiredProperty(InstanceAttribute.NAME),
            new DomainError.IncorrectValue(InstanceAttribute.USER_REQUEST),
            new DomainError.DurationRequired(),
            new DomainError.DurationOutOfRange(3_600, 86_400),
            new DomainError.OutOfRange(InstanceAttribute.IDLE_STOP_SECONDS, 600, 86_400),
            new DomainError.OperationNotAllowed("RUNNING", "queue"),
            new DomainError.VersionMismatch(3, 4),
            new DomainError.BucketRootNotAllowed("/bucket/"),
            new DomainError.Unauthenticated(),
            new DomainError.ProjectNotAllowed("another-project"),
            new DomainError.PermissionNotGranted("update"));

    /** The refusals of who may do what, which are no business errors. */
    private static final List<Class<?>> ACCESS_REFUSALS = List.of(DomainError.Unauthenticated.class,
            DomainError.ProjectNotAllowed.class, DomainError.PermissionNotGranted.class);

    /** One of each request that cannot be read. */
    private static final List<RequestError> ONE_OF_EACH_UNREADABLE = List.of(
            new RequestError.WrongType("spec.auto_stop.duration", "integer"),
            new RequestError.RequiredProperty("de_type"),
            new RequestError.IncorrectValue("If-Match"),
            new RequestError.InvalidPayload("line 1, column 7: unexpected end of input"),
            new RequestError.SortFieldNotSupported("flavor"),
            new RequestError.BrokenRule(new DomainError.CharacterNotAllowed(InstanceAttribute.NAME, ' ')));

    @Test
    void every_failure_has_a_sample() {
        assertThat(ONE_OF_EACH_REFUSAL.stream().map(Object::getClass))
                .containsExactlyInAnyOrder(DomainError.class.getPermittedSubclasses());
        assertThat(ONE_OF_EACH_UNREADABLE.stream().map(Object::getClass))
                .containsExactlyInAnyOrder(RequestError.class.getPermittedSubclasses());
    }

    @Test
    void every_business_error_answers_400_for_compatibility() {
        ONE_OF_EACH_REFUSAL.stream()
                .filter(error -> !(error instanceof DomainError.VersionMismatch) && !ACCESS_REFUSALS.contains(error.getClass()))
                .forEach(error -> assertThat(ErrorResponses.of(error).status()).as(error.toString()).isEqualTo(400));
        ONE_OF_EACH_UNREADABLE.forEach(error -> assertThat(ErrorResponses.of(error).status()).as(error.toString()).isEqualTo(400));
    }

    @Test
    void every_message_is_complete() {
        Stream.concat(ONE_OF_EACH_REFUSAL.stream().map(ErrorResponses::of), ONE_OF_EACH_UNREADABLE.stream().map(ErrorResponses::of))
                .forEach(failure -> assertThat(failure.errorMessage()).as(failure.toString()).doesNotContain("{}").isNotBlank());
    }

    @ParameterizedTest
    @EnumSource(ModelArtsCode.class)
    void every_code_is_a_model_arts_code(ModelArtsCode code) {
        assertThat(code.code()).matches("ModelArts\\.\\d{4}");
    }

    @Test
    void a_stale_if_match_answers_412() {
        HttpFailure failure = ErrorResponses.of(new DomainError.VersionMismatch(3, 4));

        assertThat(failure.status()).isEqualTo(412);
        assertThat(failure.errorCode()).isEqualTo("ModelArts.6357");
        assertThat(failure.errorMessage()).isEqualTo("The instance has changed since version 3: read it again before changing it.");
    }

    @Test
    void who_may_do_what_answers_401_for_nobody_and_403_for_a_project_or_a_permission_not_granted() {
        assertThat(ErrorResponses.of(new DomainError.Unauthenticated()))
                .isEqualTo(new HttpFailure(401, "ModelArts.6620", "Please refresh the user token."));
        assertThat(ErrorResponses.of(new DomainError.ProjectNotAllowed("p")))
                .isEqualTo(new HttpFailure(403, "ModelArts.6621", "The token does not allow acting in this project."));
        assertThat(ErrorResponses.of(new DomainError.PermissionNotGranted("update")))
                .isEqualTo(new HttpFailure(403, "ModelArts.6622", "The token does not grant the 'update' permission in this project."));
    }

    @Test
    void a_request_error_keeps_its_code_and_message() {
        HttpFailure failure = ErrorResponses.of(new RequestError.WrongType("spec.auto_stop.duration", "integer"));

        assertThat(failure.body().errorCode()).isEqualTo("ModelArts.6332");
        assertThat(failure.body().errorMessage())
                .isEqualTo("Incorrect parameter type. The 'spec.auto_stop.duration' parameter must be of the 'integer' type.");
    }

    @Test
    void an_unreadable_payload_says_where() {
        assertThat(ErrorResponses.of(new RequestError.InvalidPayload("line 1, column 7")).errorMessage())
                .isEqualTo("The request payload is invalid. line 1, column 7");
    }

    @Test
    void a_field_name_is_taken_literally() {
        assertThat(ErrorResponses.of(new RequestError.RequiredProperty("{}$1\\")).errorMessage())
                .isEqualTo("'{}$1\\' is a required property.");
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                arguments(new DomainError.RequiredProperty(InstanceAttribute.NAME), "ModelArts.6335", "'name' is a required property."),
                arguments(new DomainError.IncorrectValue(InstanceAttribute.NAME), "ModelArts.6336", "'name' property value is incorrect."),
                arguments(new DomainError.IncorrectValue(InstanceAttribute.DESCRIPTION), "ModelArts.6336",
                        "'description' property value is incorrect."),
                arguments(new DomainError.CharacterNotAllowed(InstanceAttribute.DESCRIPTION, '&'), "ModelArts.6334",
                        "Invalid value for name or description. The character & is not allowed."),
                arguments(new DomainError.RequiredProperty(InstanceAttribute.PROFILE), "ModelArts.6335", "'profile_id' is a required property."),
                arguments(new DomainError.IncorrectValue(InstanceAttribute.PROFILE), "ModelArts.6336",
                        "'profile_id' property value is incorrect."),
                arguments(new DomainError.RequiredProperty(InstanceAttribute.FLAVOR), "ModelArts.6335", "'flavor' is a required property."),
                arguments(new DomainError.IncorrectValue(InstanceAttribute.PROJECT), "ModelArts.6336", "'project_id' property value is incorrect."),
                arguments(new DomainError.IncorrectValue(InstanceAttribute.USER_REQUEST), "ModelArts.6336", "'action' property value is incorrect."),
                arguments(new DomainError.IncorrectValue(InstanceAttribute.AUTO_STOP_ENABLED), "ModelArts.6336",
                        "'spec.auto_stop.enable' property value is incorrect."),
                arguments(new DomainError.RequiredProperty(mainStorage(Part.PATH)), "ModelArts.6335",
                        "'spec.storage.location.path' is a required property."),
                arguments(new DomainError.IncorrectValue(mainStorage(Part.TYPE)), "ModelArts.6336",
                        "'spec.storage.type' property value is incorrect."),
                arguments(new DomainError.IncorrectValue(new StorageAttribute(Option.some(0), Part.TYPE)), "ModelArts.6336",
                        "'spec.extend_storage[0].type' property value is incorrect."),
                arguments(new DomainError.PathMustEndWithSlash(mainStorage(Part.PATH)), "ModelArts.6318",
                        "The param 'path' needs to end with /."),
                arguments(new DomainError.BucketRootNotAllowed("/bucket/"), "ModelArts.6358",
                        "The path cannot be the root directory of a bucket."),
                arguments(new DomainError.InstanceNotFound("DE-7d558ef8-c73d-11ea-964c-0255ac100033"), "ModelArts.6309",
                        "The instance does not exist."),
                arguments(new DomainError.DurationRequired(), "ModelArts.6348",
                        "The 'duration' parameter is mandatory for enabling auto stop."),
                arguments(new DomainError.DurationOutOfRange(3_600, 86_400), "ModelArts.6349",
                        "The 'duration' parameter is incorrect. The value ranges from 3600 to 86400."),
                arguments(new DomainError.DurationOutOfRange(60, 600), "ModelArts.6349",
                        "The 'duration' parameter is incorrect. The value ranges from 60 to 600."),
                arguments(new DomainError.OutOfRange(InstanceAttribute.IDLE_STOP_SECONDS, 600, 86_400), "ModelArts.6336",
                        "'spec.idle_stop.idle_seconds' property value is incorrect. The value ranges from 600 to 86400."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void a_refusal_names_the_attribute_as_the_api_writes_it(DomainError refusal, String code, String message) {
        HttpFailure failure = ErrorResponses.of(refusal);

        assertThat(failure.errorCode()).isEqualTo(code);
        assertThat(failure.errorMessage()).isEqualTo(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "400, ModelArts.0104",
            "404, ModelArts.0104",
            "405, ModelArts.0104",
            "413, ModelArts.6400",
            "431, ModelArts.0104",
            "429, ModelArts.6101",
            "503, ModelArts.6101",
            "500, ModelArts.6102",
            "505, ModelArts.0104"})
    void a_status_the_web_server_chose_keeps_its_status_with_an_api_code(int status, String code) {
        HttpFailure failure = ErrorResponses.forServerStatus(status);

        assertThat(failure.status()).isEqualTo(status);
        assertThat(failure.errorCode()).isEqualTo(code);
    }

    private static StorageAttribute mainStorage(Part part) {
        return new StorageAttribute(Option.none(), part);
    }
}
