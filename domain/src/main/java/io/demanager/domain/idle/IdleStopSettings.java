package io.demanager.domain.idle;

import io.vavr.control.Option;

import java.time.Duration;
import java.util.Objects;

/**
 * An instance's idle stop: whether it stops by itself once nobody has used it for {@code idleTime}. Unlike auto stop,
 * it applies at once, to the current run too: the rule is judged anew at every look.
 *
 * @param idleTime how long without activity stops the instance; kept when disabled so that re-enabling can reuse it
 */
public record IdleStopSettings(boolean enabled, Option<Duration> idleTime) {

    public static final IdleStopSettings DISABLED = new IdleStopSettings(false, Option.none());

    public IdleStopSettings {
        Objects.requireNonNull(idleTime, "idleTime");
        if (enabled && idleTime.isEmpty()) {
            throw new IllegalArgumentException("enabled idle stop needs an idle time");
        }
        if (idleTime.exists(time -> time.isNegative() || time.isZero() || time.getNano() != 0)) {
            throw new IllegalArgumentException("an idle time is a positive number of seconds");
        }
    }
}
