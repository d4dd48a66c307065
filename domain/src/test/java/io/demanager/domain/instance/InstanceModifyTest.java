package io.demanager.domain.instance;

import io.demanager.domain.autostop.AutoStopChange;
import io.demanager.domain.autostop.AutoStopPolicy;
import io.demanager.domain.error.DomainError;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;

import static io.demanager.domain.Fixtures.INSTANCE_ID;
import static io.demanager.domain.Fixtures.NOW;
import static io.demanager.domain.Fixtures.PAID_CPU;
import static io.demanager.domain.Fixtures.enabledFor;
import static io.demanager.domain.Fixtures.instance;
import static org.assertj.core.api.Assertions.assertThat;

/** The modify operation on the aggregate: modify is allowed in every status but DELETED. */
class InstanceModifyTest {

    private static final Description NEW_DESCRIPTION = Description.of("update notebook").get();
    private static final AutoStopChange TWO_HOURS = new AutoStopChange(Option.some(true), Option.some(7_200L), Option.none());

    @ParameterizedTest
    @EnumSource(value = InstanceStatus.class, names = "DELETED", mode = EnumSource.Mode.EXCLUDE)
    void descriptionAndAutoStopChangeInEveryStatusButDeleted(InstanceStatus status) {
        Instance modified = instance(status, PAID_CPU).modify(Option.some(NEW_DESCRIPTION), TWO_HOURS, AutoStopPolicy.DEFAULT, NOW).get();

        assertThat(modified.status()).isEqualTo(status);
        assertThat(modified.description()).isEqualTo(NEW_DESCRIPTION);
        assertThat(modified.autoStop()).isEqualTo(enabledFor(Duration.ofHours(2)));
        assertThat(modified.updatedAt()).isEqualTo(NOW);
    }

    @Test
    void absentPartsStayAsTheyAre() {
        Instance described = instance(InstanceStatus.STOPPED, PAID_CPU)
                .modify(Option.some(NEW_DESCRIPTION), TWO_HOURS, AutoStopPolicy.DEFAULT, NOW).get();

        Instance untouched = described.modify(Option.none(), AutoStopChange.NONE, AutoStopPolicy.DEFAULT, NOW.plusSeconds(5)).get();

        assertThat(untouched.description()).isEqualTo(NEW_DESCRIPTION);
        assertThat(untouched.autoStop()).isEqualTo(described.autoStop());
    }

    @Test
    void aDeletedInstanceDoesNotExist() {
        DomainError refused = instance(InstanceStatus.DELETED, PAID_CPU)
                .modify(Option.some(NEW_DESCRIPTION), AutoStopChange.NONE, AutoStopPolicy.DEFAULT, NOW).getLeft();

        assertThat(refused).isEqualTo(new DomainError.InstanceNotFound(INSTANCE_ID.value()));
    }

    @Test
    void aRefusedAutoStopChangeRefusesTheWholeModify() {
        var tooShort = new AutoStopChange(Option.some(true), Option.some(60L), Option.none());

        assertThat(instance(InstanceStatus.STOPPED, PAID_CPU)
                .modify(Option.some(NEW_DESCRIPTION), tooShort, AutoStopPolicy.DEFAULT, NOW).getLeft())
                .isEqualTo(new DomainError.DurationOutOfRange(3_600, 86_400));
    }
}
