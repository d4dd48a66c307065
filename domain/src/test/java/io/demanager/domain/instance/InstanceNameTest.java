package io.demanager.domain.instance;

import io.demanager.domain.error.DomainError;
import io.demanager.domain.error.InstanceAttribute;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class InstanceNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"n", "notebook-c6fd", "Notebook_2", "0123456789012345678901234567890123456789012345678901234567890123"})
    void lettersDigitsDashAndUnderscoreUpTo64CharactersMakeAName(String name) {
        assertThat(InstanceName.of(name).get().value()).isEqualTo(name);
    }

    @Test
    void aMissingNameIsARequiredProperty() {
        DomainError refused = InstanceName.of(null).getLeft();

        assertThat(refused).isInstanceOf(DomainError.RequiredProperty.class);
        assertThat(refused).isEqualTo(new DomainError.RequiredProperty(InstanceAttribute.NAME));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 65, 300})
    void anEmptyOrLongerNameIsAnIncorrectValue(int length) {
        DomainError refused = InstanceName.of("n".repeat(length)).getLeft();

        assertThat(refused).isInstanceOf(DomainError.IncorrectValue.class);
        assertThat(refused).isEqualTo(new DomainError.IncorrectValue(InstanceAttribute.NAME));
    }

    @ParameterizedTest
    @ValueSource(chars = {' ', '.', '/', 'é', '&', '\t'})
    void anotherCharacterIsRefusedNamingIt(char character) {
        DomainError refused = InstanceName.of("note" + character + "book").getLeft();

        assertThat(refused).isEqualTo(new DomainError.CharacterNotAllowed(InstanceAttribute.NAME, character));
    }

    @Test
    void anInvalidNameCannotBeBuilt() {
        assertThatIllegalArgumentException().isThrownBy(() -> new InstanceName("a b"));
        assertThatIllegalArgumentException().isThrownBy(() -> new InstanceName(""));
        assertThatIllegalArgumentException().isThrownBy(() -> new InstanceName(null));
    }
}
