package io.demanager.domain.instance;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CredentialTest {

    private static final String ACCESS_KEY_ID = "HST3UXVJ8KQXPZ0ZY5RW";
    private static final String SECRET = "jB1oXr4Zk7p2Qd9wEvNqT5yLcHs0MfGaUi3K6eRb";

    private final Credential credential = new Credential(ACCESS_KEY_ID, SECRET);

    @Test
    void onlyTheFirstFourCharactersOfTheAccessKeyIdAreShown() {
        assertThat(credential.maskedAccessKeyId()).isEqualTo("HST3****");
    }

    @Test
    void printingACredentialShowsNeitherSecret() {
        assertThat(credential.toString())
                .doesNotContain(SECRET)
                .doesNotContain(ACCESS_KEY_ID)
                .contains("HST3****");
    }
}
