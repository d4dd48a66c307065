package io.demanager.adapter.persistence.postgres;

import io.demanager.domain.instance.Instance;
import io.demanager.domain.instance.InstanceSort.Direction;
import io.demanager.domain.instance.InstanceSort.Key;
import io.demanager.domain.instance.ProjectId;
import io.demanager.testkit.StoreFixtures;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.function.Function;

import static io.demanager.testkit.StoreFixtures.anInstance;
import static io.demanager.testkit.StoreFixtures.listing;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a table of {@link #ROWS} instances spread over {@link #PROJECTS} projects, the planner answers the
 * listings, the search for due leases, idle-stop candidates and ended retentions from their indexes, never by reading
 * the whole table. One instance in fifty has idle stop enabled.
 */
class QueryPlanTest {

    private static final int ROWS = 100_000;
    private static final int PROJECTS = 100;
    /** Every fifth instance runs with a lease; one in a thousand of those leases is due. */
    private static final int DUE_LEASES = ROWS / 5 / 1_000;

    private static final String DUE_LEASE_SEARCH = """
            SELECT id, project_id FROM instance
            WHERE status = 'RUNNING' AND lease_stop_at <= now()
            ORDER BY lease_stop_at LIMIT 50""";

    private static TestDatabase database;

    @BeforeAll
    static void fillTheTable() {
        database = TestDatabase.migrated();
        Instance template = database.newStore().insert(anInstance().name("template").build()).get();
        database.jdbi().useHandle(handle -> {
            handle.createUpdate("""
                    INSERT INTO instance (id, project_id, name, description, status, flavor, workspace_id, ai_project_id,
                        owner_id, owner_name, created_at, updated_at, version, auto_stop_enabled, auto_stop_duration_seconds,
                        auto_stop_prompt, lease_stop_at, inactive_since, retention_end, profile, flavor_details, spec,
                        idle_stop_enabled, idle_stop_seconds, running_since)
                    SELECT gen_random_uuid(), 'project-' || (n % :projects), 'notebook-' || n, '',
                        CASE WHEN n % 5 = 0 THEN 'RUNNING' WHEN n % 50 = 1 THEN 'DELETED' ELSE 'STOPPED' END,
                        t.flavor, t.workspace_id, t.ai_project_id, t.owner_id, t.owner_name,
                        t.created_at + n * interval '1 second', t.updated_at, n % 7, n % 5 = 0, 3600, true,
                        CASE WHEN n % 5000 = 0 THEN now() - interval '1 minute'
                             WHEN n % 5 = 0 THEN now() + interval '1 hour' END,
                        CASE WHEN n % 5 <> 0 AND n % 50 <> 1 THEN t.updated_at END,
                        CASE WHEN n % 5000 = 2 THEN now() - interval '1 minute'
                             WHEN n % 10 = 2 THEN now() + interval '1 day' END,
                        t.profile, t.flavor_details, t.spec, n % 50 = 0, 600,
                        CASE WHEN n % 5 = 0 THEN now() END
                    FROM generate_series(1, :rows) AS n, instance AS t
                    WHERE t.id = :template""")
                    .bind("projects", PROJECTS)
                    .bind("rows", ROWS)
                    .bind("template", template.id().uuid())
                    .execute();
            handle.execute("ANALYZE instance");
        });
    }

    @AfterAll
    static void dropSchema() {
        database.close();
    }

    @Test
    void theTableHoldsTheRowsTheTestSpeaksOf() {
        long due = database.jdbi().withHandle(handle -> handle.createQuery("SELECT count(*) FROM (" + DUE_LEASE_SEARCH + ") AS d")
                .mapTo(Long.class).one());
        long rows = database.jdbi().withHandle(handle -> handle.createQuery("SELECT count(*) FROM instance").mapTo(Long.class).one());

        assertThat(rows).isGreaterThan(ROWS);
        assertThat(due).isEqualTo(DUE_LEASES);
    }

    @Test
    void theClaimOfDueLeasesReadsOnlyThePartialIndexOfRunningInstancesWithALease() {
        String plan = explain(handle -> handle.createQuery("EXPLAIN " + PostgresLeaseClaims.CLAIM_DUE).bind("limit", 50));

        assertThat(plan).contains("LockRows").contains("Index Scan using instance_due_lease").doesNotContain("Seq Scan");
    }

    @Test
    void theClaimOfEndedRetentionsReadsOnlyThePartialIndexOfInstancesWithARetentionEnd() {
        String plan = explain(handle -> handle.createQuery("EXPLAIN " + PostgresRetentionClaims.CLAIM_EXPIRED).bind("limit", 50));

        assertThat(plan).contains("LockRows").contains("Index Scan using instance_retention_due").doesNotContain("Seq Scan");
    }

    @Test
    void theIdleStopCandidatesAreReadInOrderFromTheirPartialIndex() {
        String plan = explain(handle -> handle.createQuery("EXPLAIN " + PostgresInstances.RUNNING_WITH_IDLE_STOP
                + " ORDER BY id LIMIT :limit").bind("limit", 100));

        assertThat(plan).contains("using instance_idle_stop_candidates").doesNotContain("Seq Scan").doesNotContain("Sort");
    }

    @Test
    void aFreeFlavorsQueueIsReadInOrderFromTheQueueIndex() {
        String plan = explain(handle -> handle.createQuery("EXPLAIN " + PostgresQueues.OLDEST_QUEUED)
                .bind("flavor", StoreFixtures.EVERYTHING_FLAVOR.name())
                .bind("limit", 1));

        assertThat(plan).contains("using instance_queue").doesNotContain("Seq Scan").doesNotContain("Sort");
    }

    @Test
    void aPageSortedByNameIsReadInOrderFromTheLiveNameIndex() {
        ListingQuery query = new ListingQuery(listing(busyProject()).sortedBy(Key.NAME, Direction.ASC).page(20, 10).build());

        String plan = explain(handle -> query.bindPage(handle.createQuery("EXPLAIN " + query.pageSql())));

        assertThat(plan).contains("Index Scan using instance_live_name_unique").doesNotContain("Seq Scan").doesNotContain("Sort");
    }

    @Test
    void aPageSortedByCreationTimeIsReadInOrderFromTheCreationIndexInBothDirections() {
        for (Direction order : Direction.values()) {
            ListingQuery query = new ListingQuery(listing(busyProject()).sortedBy(Key.CREATION_TIMESTAMP, order).page(0, 10).build());

            String plan = explain(handle -> query.bindPage(handle.createQuery("EXPLAIN " + query.pageSql())));

            assertThat(plan).as(order.name()).contains("using instance_live_by_creation")
                    .doesNotContain("Seq Scan").doesNotContain("Sort");
        }
    }

    @Test
    void theTotalCountOfAListingIsCountedFromAnIndex() {
        ListingQuery query = new ListingQuery(listing(busyProject()).build());

        String plan = explain(handle -> query.bindCount(handle.createQuery("EXPLAIN " + query.countSql())));

        assertThat(plan).containsPattern("(using|on) instance_live_(name_unique|by_creation)").doesNotContain("Seq Scan");
    }

    @Test
    void instancesHoldingCapacityAreCountedFromTheFlavorIndex() {
        String plan = explain(handle -> handle.createQuery("EXPLAIN " + PostgresQueues.COUNT_HOLDING_CAPACITY)
                .bind("flavor", StoreFixtures.EVERYTHING_FLAVOR.name())
                .bind("statuses", PostgresQueues.STATUSES_HOLDING_CAPACITY));

        assertThat(plan).contains("instance_by_flavor_and_status").doesNotContain("Seq Scan");
    }

    private static ProjectId busyProject() {
        return new ProjectId("project-1");
    }

    private static String explain(Function<Handle, Query> explainQuery) {
        java.util.List<String> lines = database.jdbi().withHandle(handle -> explainQuery.apply(handle).mapTo(String.class).list());
        return String.join("\n", lines);
    }
}
