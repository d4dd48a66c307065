package io.demanager.bootstrap.autostop;

import io.demanager.application.port.in.StopExpiredLeasesUseCase;
import io.demanager.application.port.in.WarnEndingLeasesUseCase;
import io.demanager.bootstrap.worker.RoundLoop;
import io.vavr.collection.List;
import io.vavr.control.Option;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntUnaryOperator;

/**
 * The auto-stop engine's background thread. A round stops the due leases and gives the due warnings, batch by batch
 * until a batch comes back less than full; then the thread sleeps until the next lease ends or the next warning is
 * due, as the store tells. {@link #wake()} (a lease was set or changed, here or on another server) ends the sleep
 * early, so that the new plan is read; the sleep never lasts longer than {@link AutoStopEngineSettings#interval()},
 * in case news was lost. The first round runs as soon as the worker starts, so leases that ran out while no engine
 * ran are stopped at once. A round that fails (the database is away) is logged, and the next one tries again.
 * <p>
 * While more is due than one batch holds, {@link AutoStopEngineSettings#claimers()} threads claim at once. Any number
 * of workers, in one process or in several sharing a database, may run at once too: the store gives each due lease to
 * one of them.
 * <p>
 * The worker remembers how its last round ended ({@link #lastRound()}), for the server's readiness.
 */
public final class AutoStopWorker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AutoStopWorker.class);

    /**
     * The pause when something is due but none of it could be claimed: another server holds it, and has it done in a
     * moment.
     */
    private static final Duration HELD_ELSEWHERE = Duration.ofMillis(10);

    /** A round that ended: when, whether it failed, and when the latest round that did not fail ended. */
    public record Round(Instant endedAt, boolean failed, Optional<Instant> lastSucceededAt) {
    }

    private final StopExpiredLeasesUseCase stops;
    private final WarnEndingLeasesUseCase warnings;
    private final AutoStopEngineSettings settings;
    private final RoundLoop loop = new RoundLoop("auto-stop", this::round);
    /** The claimers besides the worker's own thread, which claim while more than one batch is due. */
    private final ExecutorService otherClaimers;
    private final Clock clock = Clock.systemUTC();
    private volatile Round lastRound;

    public AutoStopWorker(StopExpiredLeasesUseCase stops, WarnEndingLeasesUseCase warnings, AutoStopEngineSettings settings) {
        this.stops = stops;
        this.warnings = warnings;
        this.settings = settings;
        this.otherClaimers = Executors.newFixedThreadPool(Math.max(1, settings.claimers() - 1), work -> {
            Thread claimer = new Thread(work, "auto-stop-claimer");
            claimer.setDaemon(true);
            return claimer;
        });
    }

    /** Runs a first round now, then one whenever something is due or news comes, until {@link #close()}. */
    public void start() {
        loop.start();
    }

    /** A lease was set or changed: plan again now. Returns at once, from any thread. */
    public void wake() {
        loop.wake();
    }

    /** How the last round ended; empty before the first one ends. */
    public Optional<Round> lastRound() {
        return Optional.ofNullable(lastRound);
    }

    public Duration interval() {
        return settings.interval();
    }

    /**
     * Stops the rounds. A batch in progress is finished and committed first, so no claim is left behind; one that
     * cannot finish within the grace period is interrupted, and its transaction rolls back.
     */
    @Override
    public void close() {
        try {
            loop.close();
        } finally {
            otherClaimers.shutdownNow();
        }
    }

    /** Everything due now, and how long to sleep afterwards; remembers how the round ended. */
    private Duration round() {
        Option<Duration> pause = plannedRound();
        Instant endedAt = clock.instant();
        Optional<Instant> lastSucceededAt = pause.isDefined() ? Optional.of(endedAt)
                : lastRound().flatMap(Round::lastSucceededAt);
        lastRound = new Round(endedAt, pause.isEmpty(), lastSucceededAt);
        return pause.getOrElse(settings.interval());
    }

    /** The pause after a round that did everything due now; none if the round failed. */
    private Option<Duration> plannedRound() {
        try {
            boolean progress = drain(stops::stopExpiredLeases) | drain(warnings::warnEndingLeases);
            Option<Duration> next = List.of(stops.untilNextLeaseEnd(), warnings.untilNextWarning())
                    .flatMap(Option::toList)
                    .min();
            if (next.isEmpty()) {
                return Option.some(settings.interval());
            }
            if (next.get().isNegative() || next.get().isZero()) {
                return Option.some(progress ? Duration.ZERO : HELD_ELSEWHERE);
            }
            return Option.some(min(next.get(), settings.interval()));
        } catch (RuntimeException e) {
            LOG.warn("An auto-stop round failed; the next one begins within {}", settings.interval(), e);
            return Option.none();
        }
    }

    /**
     * Runs {@code batch} until it comes back less than full; answers whether it did anything. A first batch that comes
     * back full says that more is due than one claim holds: then every claimer claims, each until its own batch comes
     * back less than full.
     */
    private boolean drain(IntUnaryOperator batch) {
        int done = batch.applyAsInt(settings.batchSize());
        if (done == settings.batchSize() && !loop.closing()) {
            onEveryClaimer(() -> {
                int claimed;
                do {
                    claimed = batch.applyAsInt(settings.batchSize());
                } while (claimed == settings.batchSize() && !loop.closing());
            });
        }
        return done > 0;
    }

    /** Runs {@code work} on this thread and on every other claimer at once, and waits for all; throws the first failure. */
    private void onEveryClaimer(Runnable work) {
        java.util.List<Future<?>> others = new ArrayList<>(settings.claimers());
        for (int claimer = 1; claimer < settings.claimers(); claimer++) {
            others.add(otherClaimers.submit(work));
        }
        RuntimeException failure = null;
        try {
            work.run();
        } catch (RuntimeException e) {
            failure = e;
        }
        for (Future<?> other : others) {
            try {
                other.get();
            } catch (ExecutionException e) {
                failure = failure != null ? failure
                        : e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                others.forEach(claim -> claim.cancel(true));
                Thread.currentThread().interrupt();
                throw new IllegalStateException("the auto-stop worker was interrupted while its claimers worked", e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
