package io.demanager.bootstrap.benchmark;

import io.demanager.adapter.persistence.postgres.StoreNotifications;
import io.demanager.adapter.persistence.postgres.PostgresStores;
import io.demanager.adapter.persistence.postgres.TestDatabase;
import io.demanager.application.port.out.DesiredState;
import io.demanager.application.port.out.NotebookRuntime;
import io.demanager.application.port.out.StatusChangePublisher;
import io.demanager.application.service.StopExpiredLeasesService;
import io.demanager.application.service.WarnEndingLeasesService;
import io.demanager.bootstrap.autostop.AutoStopEngineSettings;
import io.demanager.bootstrap.autostop.AutoStopWorker;
import io.demanager.domain.idle.NotebookActivity;
import io.demanager.domain.instance.Instance;
import io.vavr.control.Option;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.BooleanSupplier;

import static io.demanager.testkit.InstanceBuilder.anInstance;

/**
 * The auto-stop engine's benchmark (see {@code docs/benchmarks.md}): it prints figures and checks none, and its name
 * keeps it out of {@code ./mvnw verify}. Run it by name:
 * {@code ./mvnw -B -ntp -pl bootstrap -am verify -DskipITs -Dtest=AutoStopBenchmark -Dsurefire.failIfNoSpecifiedTests=false -DargLine=}.
 * <p>
 * The engine is the server's (worker with its default settings, use cases, PostgreSQL store, in-process and
 * LISTEN/NOTIFY wake-ups) over the test database; the runtime does nothing, since a stop here is the decision:
 * RUNNING to STOPPING with its event. Rows are seeded with {@code generate_series}, copies of one instance stored
 * through the store.
 */
class AutoStopBenchmark {

    /** The server's defaults, but for the batch size and claimers that {@code -Dbenchmark.batch} and {@code .claimers} may set. */
    private static final AutoStopEngineSettings DEFAULTS = new AutoStopEngineSettings(
            Integer.getInteger("benchmark.batch", AutoStopEngineSettings.DEFAULT.batchSize()),
            AutoStopEngineSettings.DEFAULT.interval(), AutoStopEngineSettings.DEFAULT.warningBefore(),
            Integer.getInteger("benchmark.claimers", AutoStopEngineSettings.DEFAULT.claimers()));

    /** The cases to run, {@code -Dbenchmark.cases=single,find,steady,burst} (all by default), for example to profile one. */
    private static final Set<String> CASES = Set.of(System.getProperty("benchmark.cases", "single,find,steady,burst").split(","));

    @Test
    void run() throws Exception {
        printLoad();
        when("single", AutoStopBenchmark::singleLease);
        when("find", () -> findingDueLeases(10_000));
        printLoad();
        when("steady", AutoStopBenchmark::steady);
        printLoad();
        when("find", () -> findingDueLeases(1_000_000));
        printLoad();
        when("burst", AutoStopBenchmark::burst);
        printLoad();
    }

    private interface Case {
        void run() throws Exception;
    }

    private static void when(String name, Case benchmarkCase) throws Exception {
        if (CASES.contains(name)) {
            benchmarkCase.run();
        }
    }

    /** The machine's load average (1, 5 and 15 minutes), since other work on it changes every figure. */
    private static void printLoad() throws java.io.IOException {
        System.out.println("LOAD average: " + java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim());
    }

    /** The claim's cost among {@code instances} (100 due), against a bare round trip measured in the same run. */
    private static void findingDueLeases(int instances) {
        try (TestDatabase database = TestDatabase.migrated()) {
            var store = PostgresStores.create(database.dataSource(), TestDatabase.newCredentialKey());
            seed(database.jdbi(), store, instances - 100, "now() + interval '1 day' + g * interval '1 millisecond'");
            seed(database.jdbi(), store, 100, "now() - g * interval '1 millisecond'");
            analyze(database.jdbi());
            int rounds = 2_000;
            double bare = perCall(database.jdbi(), rounds, "SELECT 1");
            double claim = perCall(database.jdbi(), rounds, "SELECT id FROM instance WHERE status = 'RUNNING'"
                    + " AND lease_stop_at <= now() ORDER BY lease_stop_at LIMIT 100 FOR UPDATE SKIP LOCKED");
            double next = perCall(database.jdbi(), rounds, "SELECT min(lease_stop_at) FROM instance"
                    + " WHERE status = 'RUNNING' AND lease_stop_at IS NOT NULL");
            System.out.printf("FIND among %,d instances (100 due): bare round trip %.1f us, claim of the due batch %.1f us"
                    + " (%.1f x bare), next lease end %.1f us (%.1f x bare)%n", instances, bare, claim, claim / bare,
                    next, next / bare);
        }
    }

    /** One lease among no others, set through the store while the engine sleeps; five times. */
    private static void singleLease() throws Exception {
        try (TestDatabase database = TestDatabase.migrated()) {
            var store = PostgresStores.create(database.dataSource(), TestDatabase.newCredentialKey());
            var latenesses = new LinkedBlockingQueue<Duration>();
            try (var engine = engine(database, store, latenesses)) {
                for (int run = 0; run < 5; run++) {
                    store.instances().insert(anInstance().runningUntil(Instant.now().plusMillis(1_500)).build()).get();
                    int expected = run + 1;
                    await(() -> latenesses.size() == expected, Duration.ofMinutes(1));
                }
            }
            System.out.println("SINGLE lease, 5 runs: lateness " + summary(new ArrayList<>(latenesses)));
        }
    }

    /** 1,000 leases ending every second for a minute, one every millisecond. */
    private static void steady() throws Exception {
        try (TestDatabase database = TestDatabase.migrated()) {
            var store = PostgresStores.create(database.dataSource(), TestDatabase.newCredentialKey());
            var latenesses = new LinkedBlockingQueue<Duration>();
            seed(database.jdbi(), store, 60_000, "now() + interval '30 seconds' + g * interval '1 millisecond'");
            analyze(database.jdbi());
            try (var engine = engine(database, store, latenesses)) {
                await(() -> latenesses.size() == 60_000, Duration.ofMinutes(5));
            }
            System.out.println("STEADY 1,000 leases/s for 60 s: lateness " + summary(new ArrayList<>(latenesses)));
        }
    }

    /** 1,000,000 instances, of which 100,000 leases end at the same second. */
    private static void burst() throws Exception {
        try (TestDatabase database = TestDatabase.migrated()) {
            var store = PostgresStores.create(database.dataSource(), TestDatabase.newCredentialKey());
            var latenesses = new LinkedBlockingQueue<Duration>();
            long seedStart = System.nanoTime();
            seed(database.jdbi(), store, 500_000, "NULL");
            seed(database.jdbi(), store, 400_000, "now() + interval '1 day' + g * interval '1 millisecond'");
            analyze(database.jdbi());
            Instant burstAt = database.jdbi().withHandle(handle -> handle.createQuery(
                    "SELECT date_trunc('second', now()) + interval '45 seconds'").mapTo(OffsetDateTime.class).one()).toInstant();
            database.jdbi().useHandle(handle -> handle.createUpdate(copies(100_000, "CAST(:at AS timestamptz)"))
                    .bind("at", OffsetDateTime.ofInstant(burstAt, ZoneOffset.UTC)).execute());
            analyze(database.jdbi());
            System.out.printf("BURST seeded 1,000,000 instances in %d s; 100,000 leases end at %s%n",
                    Duration.ofNanos(System.nanoTime() - seedStart).toSeconds(), burstAt);
            try (var engine = engine(database, store, latenesses)) {
                await(() -> latenesses.size() == 100_000, Duration.ofMinutes(10));
            }
            List<Duration> all = new ArrayList<>(latenesses);
            Duration drained = Collections.max(all);
            System.out.printf("BURST 100,000 stops drained %s after the lease end: %,.0f stops/s; lateness %s%n",
                    drained, 100_000 / (drained.toNanos() / 1e9), summary(all));
        }
    }

    /**
     * The engine, adding each stop's lateness to {@code latenesses}: a queue that counts its size rather than walking
     * its nodes, since the benchmark asks for the size every 20 ms while the engine works.
     */
    private static AutoCloseable engine(TestDatabase database, PostgresStores store,
                                        LinkedBlockingQueue<Duration> latenesses) {
        var listening = database.connectAnotherPool("benchmark-listener");
        var notifications = StoreNotifications.listen(listening);
        var worker = new AutoStopWorker(new StopExpiredLeasesService(store.leaseClaims(), new NothingRuns(), latenesses::add,
                StatusChangePublisher.NONE), new WarnEndingLeasesService(store.leaseClaims(), DEFAULTS.warningBefore()), DEFAULTS);
        store.instances().whenLeasesChange(worker::wake);
        notifications.whenLeasesChange(worker::wake);
        worker.start();
        return () -> {
            worker.close();
            notifications.close();
            listening.close();
        };
    }

    /** {@code count} running copies of one stored instance, whose leases end at {@code leaseEnd} (SQL of {@code g}). */
    private static void seed(Jdbi jdbi, PostgresStores store, int count, String leaseEnd) {
        ensureTemplate(jdbi, store);
        jdbi.useHandle(handle -> handle.execute(copies(count, leaseEnd)));
    }

    private static void ensureTemplate(Jdbi jdbi, PostgresStores store) {
        boolean stored = jdbi.withHandle(handle -> handle.createQuery("SELECT count(*) FROM instance WHERE name = 'template'")
                .mapTo(Long.class).one()) > 0;
        if (!stored) {
            Instance template = anInstance().name("template").build();
            store.instances().insert(template).get();
        }
    }

    private static String copies(int count, String leaseEnd) {
        return """
                INSERT INTO instance (id, project_id, name, description, status, flavor, workspace_id, ai_project_id,
                    owner_id, owner_name, created_at, updated_at, version, auto_stop_enabled, auto_stop_duration_seconds,
                    auto_stop_prompt, lease_stop_at, inactive_since, profile, flavor_details, spec, idle_stop_enabled,
                    running_since)
                SELECT gen_random_uuid(), 'project-' || (g %% 1000), 'copy-' || gen_random_uuid(), description,
                    CASE WHEN %2$s IS NULL THEN 'STOPPED' ELSE 'RUNNING' END, flavor, workspace_id, ai_project_id,
                    owner_id, owner_name, created_at, updated_at, 1, true, 3600, false, %2$s,
                    CASE WHEN %2$s IS NULL THEN updated_at END, profile, flavor_details, spec,
                    false, CASE WHEN %2$s IS NULL THEN NULL ELSE created_at END
                FROM instance, generate_series(1, %1$d) AS g WHERE name = 'template'""".formatted(count, leaseEnd);
    }

    private static void analyze(Jdbi jdbi) {
        jdbi.useHandle(handle -> handle.execute("ANALYZE instance"));
    }

    /** Microseconds per call of {@code sql}, each in its own transaction, after a warm-up. */
    private static double perCall(Jdbi jdbi, int rounds, String sql) {
        return jdbi.withHandle(handle -> {
            for (int i = 0; i < rounds / 4; i++) {
                inTransaction(handle, sql);
            }
            long start = System.nanoTime();
            for (int i = 0; i < rounds; i++) {
                inTransaction(handle, sql);
            }
            return (System.nanoTime() - start) / 1e3 / rounds;
        });
    }

    private static void inTransaction(Handle handle, String sql) {
        handle.useTransaction(transaction -> {
            transaction.createQuery(sql).mapToMap().list();
            transaction.rollback();
        });
    }

    private static String summary(List<Duration> latenesses) {
        List<Long> millis = new ArrayList<>(latenesses.stream().map(Duration::toMillis).sorted().toList());
        return "p50 %d ms, p99 %d ms, max %d ms (%,d stops)".formatted(percentile(millis, 0.50), percentile(millis, 0.99),
                millis.get(millis.size() - 1), millis.size());
    }

    private static long percentile(List<Long> sorted, double fraction) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(fraction * sorted.size()) - 1));
    }

    private static void await(BooleanSupplier done, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not done within " + patience);
            }
            Thread.sleep(20);
        }
    }

    /**
     * A runtime asked to stop each notebook that does nothing, since a stop here is the decision (a recording one
     * would copy its list of calls at every one of the 100,000 stops).
     */
    private static final class NothingRuns implements NotebookRuntime {

        @Override
        public void ensure(Instance instance, DesiredState desired) {
        }

        @Override
        public Option<NotebookActivity> activity(Instance instance) {
            return Option.none();
        }
    }
}
