package io.demanager.bootstrap.autostop;

import io.demanager.adapter.persistence.postgres.StoreNotifications;
import io.demanager.adapter.persistence.postgres.PostgresDatabase;
import io.demanager.adapter.persistence.postgres.PostgresLeaseClaims;
import io.demanager.adapter.persistence.postgres.PostgresStores;
import io.demanager.adapter.persistence.postgres.TestDatabase;
import io.demanager.adapter.runtime.simulated.SimulatedRuntimeSettings;
import io.demanager.application.port.out.DueLeases;
import io.demanager.application.port.out.StatusChangePublisher;
import io.demanager.application.service.StopExpiredLeasesService;
import io.demanager.application.service.WarnEndingLeasesService;
import io.demanager.bootstrap.Assemblies;
import io.demanager.bootstrap.Assembly;
import io.demanager.bootstrap.SharedDatabase;
import io.demanager.domain.autostop.AutoStopPolicy;
import io.demanager.domain.instance.Instance;
import io.demanager.domain.instance.InstanceStatus;
import io.demanager.domain.instance.LifecycleEvent;
import io.demanager.testkit.RecordingRuntime;
import io.demanager.testkit.SampleCatalog;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.control.Option;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.crypto.SecretKey;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import static io.demanager.bootstrap.Eventually.waitUntil;
import static io.demanager.testkit.InstanceBuilder.OTHER_PROJECT;
import static io.demanager.testkit.InstanceBuilder.PROJECT;
import static io.demanager.testkit.InstanceBuilder.anInstance;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several servers run the auto-stop engine against one PostgreSQL database, each with its own connection pool, as
 * separate processes would. Each replica is the real thing: worker, use case, store and simulated runtime.
 */
class AutoStopReplicasTest {

    private static final AutoStopEngineSettings ENGINE = new AutoStopEngineSettings(100, Duration.ofMillis(50), Duration.ofMinutes(10), 2);
    private static final SimulatedRuntimeSettings INSTANT_RUNTIME = new SimulatedRuntimeSettings(Duration.ZERO, 0, HashSet.empty());

    private SharedDatabase shared;
    private TestDatabase database;
    private SecretKey credentialKey;

    @BeforeEach
    void createSchema() {
        shared = new SharedDatabase();
        database = shared.database();
        credentialKey = shared.credentialKey();
    }

    @AfterEach
    void closeEverything() throws Exception {
        shared.close();
    }

    @Test
    void fourReplicasOfTwoClaimersEachStopThreeThousandDueLeasesEachExactlyOnceAndLeaveNoneStopping() throws Exception {
        int leases = 3_000;
        insertDueLeases(leases);
        List<AtomicInteger> stopsByReplica = List.fill(4, AtomicInteger::new);

        stopsByReplica.zipWithIndex().forEach(replica -> replica("replica-" + replica._2, replica._1).start());
        waitUntil("every instance is stopped", () -> countWithStatus("STOPPED") == leases);

        assertThat(statusCounts()).isEqualTo(Map.of("STOPPED", (long) leases));
        assertThat(autoStopEventsPerInstance()).hasSize(leases).allSatisfy((instance, events) -> assertThat(events).isEqualTo(1));
        assertThat(count("SELECT count(*) FROM instance_event WHERE to_status = 'STOPPED'")).isEqualTo(leases);
        assertThat(stopsByReplica.map(AtomicInteger::get).sum().intValue()).isEqualTo(leases);
    }

    @Test
    void theClaimsOfAReplicaKilledInTheMiddleOfABatchGoToTheOthersAndEachInstanceIsStillStoppedOnce() throws Exception {
        int leases = 300;
        insertDueLeases(leases);
        var claimed = new CountDownLatch(1);
        var killed = new CountDownLatch(1);
        var doomedStops = new AtomicInteger();
        PostgresDatabase doomedPool = closeLater(database.connectAnotherPool("doomed-replica"));
        var doomedStore = PostgresStores.create(doomedPool.dataSource(), credentialKey).leaseClaims();
        var pausedInTheMiddleOfItsBatch = new PausedInTheMiddleOfItsBatch(doomedStore, claimed, killed);
        var doomed = closeLater(new AutoStopWorker(
                new StopExpiredLeasesService(pausedInTheMiddleOfItsBatch, new RecordingRuntime(), lateness -> doomedStops.incrementAndGet(),
                        StatusChangePublisher.NONE),
                new WarnEndingLeasesService(pausedInTheMiddleOfItsBatch, ENGINE.warningBefore()),
                new AutoStopEngineSettings(ENGINE.batchSize(), Duration.ofHours(1), ENGINE.warningBefore(), ENGINE.claimers())));
        doomed.start();
        assertThat(claimed.await(1, TimeUnit.MINUTES)).isTrue();

        List.range(0, 3).forEach(n -> replica("replica-" + n, new AtomicInteger()).start());
        waitUntil("the others stopped all but the doomed replica's batch",
                () -> countWithStatus("STOPPED") == leases - ENGINE.batchSize());
        assertThat(countWithStatus("RUNNING")).isEqualTo(ENGINE.batchSize());
        assertThat(count("SELECT count(*) FILTER (WHERE pg_terminate_backend(pid))"
                + " FROM pg_stat_activity WHERE application_name = 'doomed-replica'"))
                .isPositive();
        killed.countDown();

        waitUntil("every instance is stopped", () -> countWithStatus("STOPPED") == leases);
        assertThat(autoStopEventsPerInstance()).hasSize(leases).allSatisfy((instance, events) -> assertThat(events).isEqualTo(1));
        assertThat(doomedStops).hasValue(0);
    }

    @Test
    void aLeaseSetOnOneServerWakesTheSleepingEngineOfAnotherThroughTheDatabase() {
        var writersStore = PostgresStores.create(closeLater(database.connectAnotherPool("writer")).dataSource(),
                credentialKey).instances();
        Instance dueAtStart = writersStore.insert(anInstance().runningUntil(Instant.now().minusSeconds(1)).build()).get();
        PostgresDatabase sleepersPool = closeLater(database.connectAnotherPool("sleeping-replica"));
        var sleepersStore = PostgresStores.create(sleepersPool.dataSource(), credentialKey);
        Assembly sleeper = closeLater(Assemblies.assembly(sleepersStore.stores(), SampleCatalog.catalog(), AutoStopPolicy.DEFAULT,
                INSTANT_RUNTIME, new AutoStopEngineSettings(100, Duration.ofHours(1), Duration.ZERO), lateness -> { }));
        sleeper.wakeAutoStopOn(closeLater(StoreNotifications.listen(sleepersPool)));
        sleeper.start();
        waitUntil("the sleeper listens and its first round stopped what was due, leaving nothing planned", () ->
                count("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'sleeping-replica'"
                        + " AND query LIKE 'LISTEN%'") == 1
                && writersStore.find(PROJECT, dueAtStart.id()).get().status() != InstanceStatus.RUNNING);

        Instance leased = writersStore.insert(anInstance().runningUntil(Instant.now().plusSeconds(2)).build()).get();

        waitUntil("the sleeper, told by the database, stops the lease when it ends (its own look is an hour away)",
                () -> writersStore.find(PROJECT, leased.id()).get().status() != InstanceStatus.RUNNING);
        assertThat(autoStopEventsPerInstance()).containsOnlyKeys(dueAtStart.id().uuid().toString(), leased.id().uuid().toString())
                .containsValues(1L);
    }

    @Test
    void fourReplicasWarnOfEachEndingLeaseExactlyOnce() throws Exception {
        int leases = 2_000;
        insertLeases(leases, n -> Instant.now().plus(Duration.ofMinutes(5)));

        List.range(0, 4).forEach(n -> replica("replica-" + n, new AtomicInteger()).start());
        waitUntil("every lease is warned about", () -> count("SELECT count(*) FROM instance_event WHERE cause = 'LEASE_ENDING'") == leases);

        assertThat(count("SELECT count(DISTINCT instance_id) FROM instance_event WHERE cause = 'LEASE_ENDING'")).isEqualTo(leases);
        assertThat(countWithStatus("RUNNING")).isEqualTo(leases);
    }

    private Assembly replica(String name, AtomicInteger stops) {
        var store = PostgresStores.create(closeLater(database.connectAnotherPool(name)).dataSource(), credentialKey);
        return closeLater(Assemblies.assembly(store.stores(), SampleCatalog.catalog(), AutoStopPolicy.DEFAULT, INSTANT_RUNTIME, ENGINE,
                lateness -> stops.incrementAndGet()));
    }

    /** Running instances whose leases ended over the last hours, spread over two projects; inserted four at a time. */
    private void insertDueLeases(int count) throws Exception {
        Instant present = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        insertLeases(count, n -> present.minusSeconds(n));
    }

    private void insertLeases(int count, IntFunction<Instant> leaseEnd) throws Exception {
        var store = database.newStore(credentialKey);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            java.util.List<Future<?>> inserts = new ArrayList<>();
            for (int n = 0; n < count; n++) {
                var instance = anInstance().project(n % 2 == 0 ? PROJECT : OTHER_PROJECT)
                        .runningUntil(leaseEnd.apply(n)).build();
                inserts.add(threads.submit(() -> store.insert(instance).get()));
            }
            for (Future<?> insert : inserts) {
                insert.get(1, TimeUnit.MINUTES);
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(countWithStatus("RUNNING")).isEqualTo(count);
    }

    private Map<String, Long> statusCounts() {
        return database.jdbi().withHandle(handle -> handle.createQuery("SELECT status, count(*) AS n FROM instance GROUP BY status")
                .map((row, context) -> Map.entry(row.getString("status"), row.getLong("n")))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    private Map<String, Long> autoStopEventsPerInstance() {
        return database.jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT instance_id::text AS id, count(*) AS n FROM instance_event WHERE cause = 'AUTO_STOP' GROUP BY instance_id")
                .map((row, context) -> Map.entry(row.getString("id"), row.getLong("n")))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    private long countWithStatus(String status) {
        return database.jdbi().withHandle(handle -> handle.createQuery("SELECT count(*) FROM instance WHERE status = :status")
                .bind("status", status).mapTo(Long.class).one());
    }

    private long count(String sql) {
        return database.jdbi().withHandle(handle -> handle.createQuery(sql).mapTo(Long.class).one());
    }

    private <T extends AutoCloseable> T closeLater(T closeable) {
        return shared.closeLater(closeable);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A replica's store that, once it has claimed its batch, holds it until {@code killed}. */
    private record PausedInTheMiddleOfItsBatch(PostgresLeaseClaims store, CountDownLatch claimed, CountDownLatch killed)
            implements DueLeases {

        @Override
        public List<AutoStopped> stopDue(int limit, LeaseStop stop) {
            return store.stopDue(limit, (running, now) -> {
                claimed.countDown();
                awaitQuietly(killed);
                return stop.apply(running, now);
            });
        }

        @Override
        public Option<Duration> untilNextLeaseEnd() {
            return store.untilNextLeaseEnd();
        }

        @Override
        public List<LifecycleEvent> warnEnding(int limit, Duration before) {
            return store.warnEnding(limit, before);
        }

        @Override
        public Option<Duration> untilNextWarning(Duration before) {
            return store.untilNextWarning(before);
        }
    }
}
