package io.demanager.application.service;

import io.demanager.application.port.in.WarnEndingLeasesUseCase;
import io.demanager.application.port.out.DueLeases;
import io.vavr.control.Option;

import java.time.Duration;
import java.util.Objects;

/** Warns {@link #warningBefore} before a lease ends, through the store, which records each warning once. */
public final class WarnEndingLeasesService implements WarnEndingLeasesUseCase {

    private final DueLeases dueLeases;
    private final Duration warningBefore;

    public WarnEndingLeasesService(DueLeases dueLeases, Duration warningBefore) {
        Objects.requireNonNull(warningBefore, "warningBefore");
        if (warningBefore.isNegative()) {
            throw new IllegalArgumentException("a warning comes before the stop, not " + warningBefore + " after it");
        }
        this.dueLeases = dueLeases;
        this.warningBefore = warningBefore;
    }

    @Override
    public int warnEndingLeases(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("a batch holds at least one lease");
        }
        return dueLeases.warnEnding(batchSize, warningBefore).size();
    }

    @Override
    public Option<Duration> untilNextWarning() {
        return dueLeases.untilNextWarning(warningBefore);
    }
}
