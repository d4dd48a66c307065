package io.demanager.bootstrap.retention;

import io.demanager.adapter.persistence.postgres.PostgresStores;
import io.demanager.adapter.persistence.postgres.TestDatabase;
import io.demanager.application.port.out.DesiredState;
import io.demanager.application.service.DeleteExpiredRetentionsService;
import io.demanager.bootstrap.SharedDatabase;
import io.demanager.domain.instance.Instance;
import io.demanager.domain.instance.InstanceId;
import io.demanager.domain.instance.InstanceStatus;
import io.demanager.testkit.RecordingRuntime;
import io.demanager.testkit.RecordingStatusChanges;
import io.demanager.testkit.SampleCatalog;
import io.vavr.collection.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.crypto.SecretKey;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static io.demanager.bootstrap.Eventually.waitUntil;
import static io.demanager.testkit.StoreFixtures.anInstance;
import static io.demanager.testkit.StoreFixtures.everythingFilled;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two servers run the retention engine against one PostgreSQL database at once, each with its own connection pool, as
 * separate processes would; each replica is the real thing: worker, use case, store, and a runtime that records what
 * it is asked.
 */
class RetentionReplicasTest {

    private static final int EXPIRED = 500;
    private static final RetentionEngineSettings ENGINE = new RetentionEngineSettings(10, Duration.ofHours(1));

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
    void twoReplicasSweepingAtOnceDeleteEachEndedRetentionExactlyOnceEraseItsSecretsAndKeepTheOthers() {
        Instant present = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Duration storeTime = SampleCatalog.FREE_CPU.retention().get();
        var store = database.newStore(credentialKey);
        Instance template = store.insert(anInstance().flavor(SampleCatalog.FREE_CPU)
                .inactiveSince(present.minus(storeTime).minus(Duration.ofHours(1))).build()).get();
        copy(template, EXPIRED - 2);
        Instance withCredential = store.insert(everythingFilled(InstanceStatus.STOPPED)
                .inactiveSince(present.minus(storeTime).minus(Duration.ofHours(2))).build()).get();
        List<Instance> notYet = List.range(0, 10).map(n -> store.insert(anInstance().flavor(SampleCatalog.FREE_CPU)
                .inactiveSince(present.minus(Duration.ofHours(1))).build()).get());
        List<RecordingRuntime> runtimes = List.fill(2, RecordingRuntime::new);

        runtimes.zipWithIndex().forEach(replica -> replica("replica-" + replica._2, replica._1).start());
        waitUntil("every ended retention is enforced", () -> count("SELECT count(*) FROM instance WHERE status = 'DELETED'") == EXPIRED);

        assertThat(count("SELECT count(*) FROM instance_event WHERE cause = 'RETENTION'")).isEqualTo(EXPIRED);
        assertThat(count("SELECT count(DISTINCT instance_id) FROM instance_event WHERE cause = 'RETENTION'"
                + " AND from_status = 'STOPPED' AND to_status = 'DELETED'")).isEqualTo(EXPIRED);
        assertThat(count("SELECT count(*) FROM instance WHERE status = 'DELETED'"
                + " AND (credential IS NOT NULL OR inactive_since IS NOT NULL OR retention_end IS NOT NULL)")).isZero();
        List<InstanceId> asked = runtimes.flatMap(runtime -> runtime.calls()
                .filter(call -> call.desired() == DesiredState.GONE).map(RecordingRuntime.Call::instanceId));
        assertThat(asked).hasSize(EXPIRED).doesNotHaveDuplicates().contains(template.id(), withCredential.id());
        notYet.forEach(kept -> assertThat(store.find(kept.projectId(), kept.id())).containsExactly(kept));
    }

    private RetentionWorker replica(String name, RecordingRuntime runtime) {
        var claims = PostgresStores.create(closeLater(database.connectAnotherPool(name)).dataSource(), credentialKey).retentionClaims();
        return closeLater(new RetentionWorker(new DeleteExpiredRetentionsService(claims, runtime, new RecordingStatusChanges()), ENGINE));
    }

    /** {@code count} copies of {@code template} in its project, each with an id and a name of its own, in one statement. */
    private void copy(Instance template, int count) {
        database.jdbi().useHandle(handle -> handle.createUpdate("""
                        INSERT INTO instance
                        SELECT (jsonb_populate_record(NULL::instance, to_jsonb(t)
                            || jsonb_build_object('id', gen_random_uuid(), 'name', 'copy-' || n))).*
                        FROM instance AS t, generate_series(1, :count) AS n WHERE t.id = :template""")
                .bind("count", count)
                .bind("template", template.id().uuid())
                .execute());
    }

    private long count(String sql) {
        return database.jdbi().withHandle(handle -> handle.createQuery(sql).mapTo(Long.class).one());
    }

    private <T extends AutoCloseable> T closeLater(T closeable) {
        return shared.closeLater(closeable);
    }
}
