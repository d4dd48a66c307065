package io.demanager.domain.autostop;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class AutoStopLeaseTest {

    private static final Instant STOP_AT = Instant.parse("2020-07-16T10:00:00Z");
    private final AutoStopLease lease = new AutoStopLease(STOP_AT);

    @ParameterizedTest(name = "{0} ms left -> {1} s")
    @CsvSource({
            "3600000, 3600",
            "2000, 2",
            "1001, 2",
            "1000, 1",
            "1, 1",
            "0, 0",
            "-1, 0",
            "-5000, 0"})
    void remainingSecondsAreRoundedUpAndNeverNegative(long millisLeft, long expectedSeconds) {
        Instant now = STOP_AT.minus(Duration.ofMillis(millisLeft));

        assertThat(lease.remainingSeconds(now)).isEqualTo(expectedSeconds);
    }

    @ParameterizedTest(name = "{0} ms left -> due: {1}")
    @CsvSource({"1, false", "0, true", "-1, true"})
    void theLeaseIsDueFromItsStopTimeOn(long millisLeft, boolean due) {
        assertThat(lease.isDueAt(STOP_AT.minus(Duration.ofMillis(millisLeft)))).isEqualTo(due);
    }
}
