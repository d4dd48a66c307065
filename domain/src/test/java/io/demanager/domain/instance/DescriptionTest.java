package io.demanager.domain.instance;

import io.demanager.domain.error.DomainError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The seed's description rules, the same on create and modify. */
class DescriptionTest {

    @Test
    void upTo512CharactersAreADescription() {
        assertThat(Description.of("d".repeat(512)).get().value()).hasSize(512);
        assertThat(Description.of("").get()).isEqualTo(Description.EMPTY);
        assertThat(Description.of("machine learning python2.7 notebook").isRight()).isTrue();
    }

    @Test
    void aLongerDescriptionIsAnIncorrectValue() {
        DomainError refused = Description.of("d".repeat(513)).getLeft();

        assertThat(refused.code().code()).isEqualTo("ModelArts.6336");
        assertThat(refused.message()).isEqualTo("'description' property value is incorrect.");
    }

    @ParameterizedTest
    @ValueSource(chars = {'&', '<', '>', '"', '\'', '/'})
    void eachForbiddenCharacterIsRefusedNamingIt(char character) {
        DomainError refused = Description.of("update " + character + " notebook").getLeft();

        assertThat(refused).isEqualTo(new DomainError.CharacterNotAllowed("description", character));
        assertThat(refused.code().code()).isEqualTo("ModelArts.6334");
        assertThat(refused.message())
                .isEqualTo("Invalid value for name or description. The character " + character + " is not allowed.");
    }

    @Test
    void theFirstForbiddenCharacterIsTheOneNamed() {
        assertThat(Description.of("a/b<c").getLeft()).isEqualTo(new DomainError.CharacterNotAllowed("description", '/'));
    }

    @Test
    void anInvalidDescriptionCannotBeBuilt() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Description("<script>"));
        assertThatIllegalArgumentException().isThrownBy(() -> new Description("d".repeat(513)));
    }
}
