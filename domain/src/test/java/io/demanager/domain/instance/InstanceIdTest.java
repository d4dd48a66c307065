package io.demanager.domain.instance;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class InstanceIdTest {

    private static final String SAMPLE = "DE-7d558ef8-c73d-11ea-964c-0255ac100033";

    @Test
    void anIdIsDeFollowedByAUuid() {
        InstanceId id = InstanceId.parse(SAMPLE).get();

        assertThat(id.uuid()).isEqualTo(UUID.fromString("7d558ef8-c73d-11ea-964c-0255ac100033"));
        assertThat(id.value()).isEqualTo(SAMPLE);
        assertThat(id).hasToString(SAMPLE);
    }

    @Test
    void theUuidsHexDigitsMayBeUpperCase() {
        assertThat(InstanceId.parse("DE-" + SAMPLE.substring(3).toUpperCase(Locale.ROOT))).containsExactly(InstanceId.parse(SAMPLE).get());
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {
            "",
            "DE-",
            "7d558ef8-c73d-11ea-964c-0255ac100033",
            "de-7d558ef8-c73d-11ea-964c-0255ac100033",
            "DE_7d558ef8-c73d-11ea-964c-0255ac100033",
            "DE-7d558ef8-c73d-11ea-964c-0255ac10003",
            "DE-7d558ef8-c73d-11ea-964c-0255ac1000331",
            "DE-7d558ef8c73d11ea964c0255ac100033",
            "DE-7d558ef8-c73d-11ea-964c-0255ac10003g",
            "DE-7d558ef8-c73d-11ea-964c-0255ac100033 ",
            "DE-0000000-00000-0000-0000-000000000001",
            "DE-../../etc/passwd"})
    void anythingElseIsNoId(String text) {
        assertThat(InstanceId.parse(text)).isEmpty();
    }
}
