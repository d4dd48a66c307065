package io.demanager.domain.instance;

import io.vavr.collection.List;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class QueueForecastTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final Duration RUN = Duration.ofHours(1);

    @Test
    void eachRankGetsThePlaceThatFreesNextAndThoseAdmittedBeforeItHoldTheirsForAWholeRun() {
        List<Option<Instant>> places = List.of(Option.some(NOW.plusSeconds(600)), Option.some(NOW.plusSeconds(60)));

        assertThat(QueueForecast.admissionAt(places, 2, RUN, 1, NOW)).contains(NOW.plusSeconds(60));
        assertThat(QueueForecast.admissionAt(places, 2, RUN, 2, NOW)).contains(NOW.plusSeconds(600));
        assertThat(QueueForecast.admissionAt(places, 2, RUN, 3, NOW)).contains(NOW.plusSeconds(60).plus(RUN));
    }

    @Test
    void aPlaceWhoseHolderHasNoLeaseYetFreesAWholeRunFromNowAndAFreePlaceAtOnce() {
        assertThat(QueueForecast.admissionAt(List.of(Option.none()), 1, RUN, 1, NOW)).contains(NOW.plus(RUN));
        assertThat(QueueForecast.admissionAt(List.of(Option.none()), 2, RUN, 1, NOW)).contains(NOW);
        assertThat(QueueForecast.admissionAt(List.of(Option.some(NOW.minusSeconds(5))), 1, RUN, 1, NOW)).contains(NOW);
    }

    @Test
    void holdersBeyondALoweredCapacityFreeNoPlaceAndAFlavorWithoutPlacesNeverAdmits() {
        List<Option<Instant>> places = List.of(Option.some(NOW.plusSeconds(60)), Option.some(NOW.plusSeconds(600)));

        assertThat(QueueForecast.admissionAt(places, 1, RUN, 1, NOW)).contains(NOW.plusSeconds(600));
        assertThat(QueueForecast.admissionAt(places, 0, RUN, 1, NOW)).isEmpty();
    }
}
