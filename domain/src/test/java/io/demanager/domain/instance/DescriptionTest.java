package io.demanager.domain.instance;

import io.demanager.domain.error.DomainError;
import io.demanager.domain.error.InstanceAttribute;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The description rules, the same on create and modify. */
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

        assertThat(refused).isInstanceOf(DomainError.IncorrectValue.class);
        assertThat(refused).isEqualTo(new DomainError.IncorrectValue(InstanceAttribute.DESCRIPTION));
    }

    @ParameterizedTest
    @ValueSource(chars = {'&', '<', '>', '"', '\'', '/'})
    void eachForbiddenCharacterIsRefusedNamingIt(char character) {
        DomainError refused = Description.of("update " + character + " notebook").getLeft();

        assertThat(refused).isEqualTo(new DomainError.CharacterNotAllowed(InstanceAttribute.DESCRIPTION, character));
    }

    @Test
    void theFirstForbiddenCharacterIsTheOneNamed() {
        assertThat(Description.of("a/b<c").getLeft()).isEqualTo(new DomainError.CharacterNotAllowed(InstanceAttribute.DESCRIPTION, '/'));
    }

    @Test
    void anInvalidDescriptionCannotBeBuilt() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Description("<script>"));
        assertThatIllegalArgumentException().isThrownBy(() -> new Description("d".repeat(513)));
    }
}
