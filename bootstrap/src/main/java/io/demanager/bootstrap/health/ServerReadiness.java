package io.demanager.bootstrap.health;

import io.demanager.adapter.http.HealthComponent;
import io.demanager.adapter.http.Readiness;
import io.demanager.adapter.persistence.postgres.PostgresDatabase;
import io.demanager.bootstrap.autostop.AutoStopWorker;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * What {@code GET /health/ready} checks: the database (reachable, at the schema version this server migrated it
 * to), the notebook runtime (takes work) and the auto-stop engine (its last round ended without failing, and not
 * longer ago than {@link #staleAfter three intervals, and at least a minute}).
 */
public final class ServerReadiness implements Readiness {

    static final Duration MIN_STALE_AFTER = Duration.ofMinutes(1);

    private final PostgresDatabase database;
    private final BooleanSupplier runtimeTakesWork;
    private final String runtimeKind;
    private final AutoStopWorker autoStop;
    private final Clock clock;
    private final Instant since;

    /** @param runtimeKind which runtime runs the notebooks, as the configuration names it */
    public ServerReadiness(PostgresDatabase database, BooleanSupplier runtimeTakesWork, String runtimeKind, AutoStopWorker autoStop,
                           Clock clock) {
        this.database = database;
        this.runtimeTakesWork = runtimeTakesWork;
        this.runtimeKind = runtimeKind;
        this.autoStop = autoStop;
        this.clock = clock;
        this.since = clock.instant();
    }

    @Override
    public List<HealthComponent> components() {
        return List.of(databaseComponent(), runtimeComponent(), autoStopComponent());
    }

    private HealthComponent databaseComponent() {
        Map<String, Object> details = new HashMap<>();
        database.schemaVersion().ifPresent(version -> details.put("schema_version", version));
        return new HealthComponent("database", database.isReady(), details);
    }

    private HealthComponent runtimeComponent() {
        return new HealthComponent("runtime", runtimeTakesWork.getAsBoolean(), Map.of("kind", runtimeKind));
    }

    /**
     * The engine is UP while a round that did not fail ended within the limit; before the first such round, while the
     * server is younger than the limit. One failed round (a database outage the database component already shows)
     * does not take it DOWN by itself.
     */
    private HealthComponent autoStopComponent() {
        Instant now = clock.instant();
        Duration limit = staleAfter(autoStop.interval());
        Instant lastSuccessOrStart = autoStop.lastRound().flatMap(AutoStopWorker.Round::lastSucceededAt).orElse(since);
        boolean up = Duration.between(lastSuccessOrStart, now).compareTo(limit) <= 0;
        return autoStop.lastRound()
                .map(round -> new HealthComponent("auto_stop", up, Map.<String, Object>of(
                        "last_round", round.endedAt().toString(),
                        "last_round_age_seconds", Math.max(0, Duration.between(round.endedAt(), now).toSeconds()),
                        "last_round_failed", round.failed())))
                .orElseGet(() -> new HealthComponent("auto_stop", up, Map.of()));
    }

    static Duration staleAfter(Duration interval) {
        Duration threeRounds = interval.multipliedBy(3);
        return threeRounds.compareTo(MIN_STALE_AFTER) > 0 ? threeRounds : MIN_STALE_AFTER;
    }
}
