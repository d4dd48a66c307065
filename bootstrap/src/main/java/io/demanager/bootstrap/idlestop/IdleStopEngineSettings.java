package io.demanager.bootstrap.idlestop;

import io.demanager.domain.idle.IdleStopPolicy;

import java.time.Duration;
import java.util.Objects;

/**
 * How idle stop runs.
 *
 * @param policy   the idle times clients may ask for, the minimum running time and the warning's time
 * @param interval the time between two looks at the running instances whose idle stop is enabled
 * @param pageSize how many of them one look reads from the store at a time
 */
public record IdleStopEngineSettings(IdleStopPolicy policy, Duration interval, int pageSize) {

    public static final IdleStopEngineSettings DEFAULT = new IdleStopEngineSettings(IdleStopPolicy.DEFAULT,
            Duration.ofSeconds(30), 100);

    public IdleStopEngineSettings {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(interval, "interval");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the idle-stop interval is positive, not " + interval);
        }
        if (pageSize < 1) {
            throw new IllegalArgumentException("the idle-stop page size is at least 1, not " + pageSize);
        }
    }
}
