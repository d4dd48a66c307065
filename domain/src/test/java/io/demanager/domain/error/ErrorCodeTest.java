package io.demanager.domain.error;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorCodeTest {

    @Test
    void renderFillsEachPlaceholderInOrder() {
        assertThat(ErrorCode.DURATION_OUT_OF_RANGE.render(List.of(3_600, 86_400)))
                .isEqualTo("The 'duration' parameter is incorrect. The value ranges from 3600 to 86400.");
        assertThat(ErrorCode.WRONG_TYPE.render(List.of("spec.auto_stop.enable", "boolean")))
                .isEqualTo("Incorrect parameter type. The 'spec.auto_stop.enable' parameter must be of the 'boolean' type.");
    }

    @Test
    void renderLeavesATemplateWithoutPlaceholdersAsItIs() {
        assertThat(ErrorCode.INSTANCE_NOT_FOUND.render(List.of("ignored"))).isEqualTo("The instance does not exist.");
    }

    @Test
    void renderTakesArgumentsLiterally() {
        assertThat(ErrorCode.REQUIRED_PROPERTY.render(List.of("{}$1\\"))).isEqualTo("'{}$1\\' is a required property.");
    }

    @ParameterizedTest
    @EnumSource(ErrorCode.class)
    void everyCodeIsAModelArtsCode(ErrorCode code) {
        assertThat(code.code()).matches("ModelArts\\.\\d{4}");
    }
}
