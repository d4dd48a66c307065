package io.demanager.adapter.persistence.postgres;

import org.junit.jupiter.api.Test;

import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CredentialCipherTest {

    private static final byte[] SECRET = "secret/key+with=signs".getBytes(StandardCharsets.UTF_8);
    private static final byte[] ROW = "DE-row-one".getBytes(StandardCharsets.UTF_8);

    private final CredentialCipher cipher = new CredentialCipher(TestDatabase.newCredentialKey());

    @Test
    void aSealedValueOpensWithTheSameKeyForTheSameRow() {
        assertThat(cipher.open(cipher.seal(SECRET, ROW), ROW)).isEqualTo(SECRET);
    }

    @Test
    void sealingTheSameSecretTwiceGivesTwoDifferentValuesNeitherHoldingTheSecret() {
        byte[] first = cipher.seal(SECRET, ROW);
        byte[] second = cipher.seal(SECRET, ROW);

        assertThat(first).isNotEqualTo(second);
        assertThat(new String(first, StandardCharsets.ISO_8859_1)).doesNotContain("secret");
    }

    @Test
    void aValueSealedWithAnotherKeyDoesNotOpen() {
        byte[] sealed = new CredentialCipher(TestDatabase.newCredentialKey()).seal(SECRET, ROW);

        assertThatThrownBy(() -> cipher.open(sealed, ROW)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aValueSealedForAnotherRowDoesNotOpen() {
        byte[] sealed = cipher.seal(SECRET, ROW);

        assertThatThrownBy(() -> cipher.open(sealed, "DE-row-two".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anAlteredValueDoesNotOpen() {
        byte[] sealed = cipher.seal(SECRET, ROW);
        sealed[sealed.length - 1] ^= 1;

        assertThatThrownBy(() -> cipher.open(sealed, ROW)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aValueTooShortToHoldANonceAndATagIsRefused() {
        assertThatThrownBy(() -> cipher.open(new byte[20], ROW)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void onlyAnAesKeyOf128192Or256BitsIsAccepted() {
        assertThatThrownBy(() -> new CredentialCipher(new SecretKeySpec(new byte[10], "AES")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CredentialCipher(new SecretKeySpec(new byte[32], "HmacSHA256")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new CredentialCipher(new SecretKeySpec(new byte[16], "AES")).open(
                new CredentialCipher(new SecretKeySpec(new byte[16], "AES")).seal(SECRET, ROW), ROW)).isEqualTo(SECRET);
    }
}
