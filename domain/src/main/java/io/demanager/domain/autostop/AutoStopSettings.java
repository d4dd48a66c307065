package io.demanager.domain.autostop;

import io.demanager.domain.catalog.Flavor;
import io.vavr.control.Option;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * An instance's auto-stop configuration, "valid for each startup". It is not the lease of the current
 * run: a change made while running waits for the next start (see {@link AutoStopLease}).
 *
 * @param enabled  whether each run gets a lease
 * @param duration how long a run lasts when enabled; kept when disabled so that re-enabling can reuse it
 * @param prompt   for a console: whether to warn again before the stop
 */
public record AutoStopSettings(boolean enabled, Option<Duration> duration, boolean prompt) {

    public static final AutoStopSettings DISABLED = new AutoStopSettings(false, Option.none(), true);

    public AutoStopSettings {
        Objects.requireNonNull(duration, "duration");
        if (enabled && duration.isEmpty()) {
            throw new IllegalArgumentException("enabled auto stop needs a duration");
        }
        if (duration.exists(d -> d.isNegative() || d.isZero())) {
            throw new IllegalArgumentException("an auto-stop duration is positive");
        }
    }

    /** What a new instance of {@code flavor} starts with: a free flavor's mandatory stop, otherwise none. */
    public static AutoStopSettings initialFor(Flavor flavor) {
        return flavor.autoStopDuration()
                .map(duration -> new AutoStopSettings(true, Option.some(duration), true))
                .getOrElse(DISABLED);
    }

    /** The lease of a run that begins at {@code start}, if auto stop is enabled. */
    public Option<AutoStopLease> leaseFrom(Instant start) {
        return enabled ? duration.map(d -> new AutoStopLease(start.plus(d))) : Option.none();
    }
}
