package io.demanager.adapter.http;

import io.demanager.domain.error.DomainError;
import io.demanager.domain.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorResponsesTest {

    @ParameterizedTest
    @EnumSource(value = ErrorCode.class, mode = EnumSource.Mode.EXCLUDE,
            names = {"VERSION_MISMATCH", "UNAUTHENTICATED", "PROJECT_NOT_ALLOWED", "PERMISSION_NOT_GRANTED"})
    void every_business_error_answers_400_for_compatibility(ErrorCode code) {
        assertThat(ErrorResponses.statusOf(code)).isEqualTo(400);
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
    void a_domain_error_keeps_its_code_and_message() {
        HttpFailure failure = ErrorResponses.of(new DomainError.WrongType("spec.auto_stop.duration", "integer"));

        assertThat(failure.body().errorCode()).isEqualTo("ModelArts.6332");
        assertThat(failure.body().errorMessage())
                .isEqualTo("Incorrect parameter type. The 'spec.auto_stop.duration' parameter must be of the 'integer' type.");
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
}
