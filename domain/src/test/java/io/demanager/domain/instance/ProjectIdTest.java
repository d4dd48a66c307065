package io.demanager.domain.instance;

import io.demanager.domain.error.DomainError;
import io.demanager.domain.error.InstanceAttribute;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ProjectIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"b0a9a6bc95a2416d8c8c2c6c4e2cc1f3", "p", "team_a-1"})
    void lettersDigitsDashAndUnderscoreMakeAProjectId(String value) {
        assertThat(ProjectId.of(value).get().value()).isEqualTo(value);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "a/b", "a b", "../etc", "00000000001111111111222222222233333333334444444444555555555566666"})
    void anythingElseIsAnIncorrectProjectId(String value) {
        assertThat(ProjectId.of(value).getLeft()).isEqualTo(new DomainError.IncorrectValue(InstanceAttribute.PROJECT));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a/b", "../etc"})
    void anIncorrectProjectIdCannotBeBuilt(String value) {
        assertThatIllegalArgumentException().isThrownBy(() -> new ProjectId(value));
    }
}
