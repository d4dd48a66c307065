package io.demanager.adapter.persistence.postgres;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.ValidateResult;
import org.jdbi.v3.core.generic.GenericType;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationTest {

    /** {@code V<n>__<verb>_<object>.sql}: n counts up from 1, the description is lower-case words joined by '_'. */
    private static final Pattern FILE_NAME = Pattern.compile("V([1-9][0-9]*)__([a-z]+)((?:_[a-z0-9]+)+)\\.sql");
    /**
     * Versions given to branches that never landed a migration under them: the only gaps allowed. They stay unused, so
     * that a database such a branch migrated is never taken for this schema.
     */
    private static final Set<Integer> HELD_FOR_OTHER_BRANCHES = Set.of(6, 7, 8, 11, 14);
    private static final Set<String> VERBS = Set.of("create", "add", "alter", "rename", "drop", "backfill", "move");

    @Test
    void migrationFilesAreNamedVerbObjectAndNumberedOneByOne() throws Exception {
        List<String> names = migrationFileNames();

        assertThat(names).isNotEmpty().allSatisfy(name -> {
            Matcher parts = FILE_NAME.matcher(name);
            assertThat(parts.matches()).as("%s is V<n>__<verb>_<object>.sql", name).isTrue();
            assertThat(VERBS).as("the verb of %s", name).contains(parts.group(2));
        });
        List<Integer> versions = names.stream().map(MigrationTest::version).sorted().toList();
        assertThat(versions)
                .as("versions, unique and without gaps but those held for branches")
                .containsExactlyElementsOf(IntStream.rangeClosed(1, latestVersion())
                        .filter(version -> versions.contains(version) || !HELD_FOR_OTHER_BRANCHES.contains(version))
                        .boxed().toList());
    }

    @Test
    void aCleanDatabaseMigratesToTheLatestVersionAndThenHasNothingLeftToDo() throws Exception {
        int latest = latestVersion();
        try (TestDatabase test = TestDatabase.empty()) {
            assertThat(test.database().migrate()).isEqualTo(migrationFileNames().size());

            assertThat(test.database().flyway().info().current().getVersion().getVersion()).isEqualTo(String.valueOf(latest));
            assertThat(test.database().migrate()).isZero();
        }
    }

    @Test
    void theRetentionMigrationCountsTheInstancesInactiveAlreadyFromTheirLastEventIntoTheirStatusOrElseTheirLastUpdate() {
        try (TestDatabase test = TestDatabase.empty()) {
            Flyway.configure().configuration(test.database().flyway().getConfiguration()).target("12").load().migrate();
            test.jdbi().useHandle(handle -> {
                handle.execute(INSERT_AT_V12, "11111111-0000-0000-0000-000000000000", "stopped-free", "STOPPED", "FREE", 72);
                handle.execute("INSERT INTO instance_event (instance_id, version, from_status, to_status, cause, occurred_at)"
                        + " VALUES ('11111111-0000-0000-0000-000000000000', 1, 'STOPPING', 'STOPPED', 'RUNTIME_PROGRESS',"
                        + " '2024-06-02T08:00:00Z'), ('11111111-0000-0000-0000-000000000000', 0, NULL, 'STOPPED', 'USER_REQUEST',"
                        + " '2024-06-01T08:00:00Z')");
                handle.execute(INSERT_AT_V12, "22222222-0000-0000-0000-000000000000", "failed-free", "START_FAILED", "FREE", 72);
                handle.execute(INSERT_AT_V12, "33333333-0000-0000-0000-000000000000", "stopped-paid", "STOPPED", "NO_DISCOUNT", 72);
                handle.execute(INSERT_AT_V12, "44444444-0000-0000-0000-000000000000", "kept-free", "STOPPED", "FREE", -1);
                handle.execute(INSERT_AT_V12, "55555555-0000-0000-0000-000000000000", "running-free", "RUNNING", "FREE", 72);
            });

            test.database().migrate();

            var retention = test.jdbi().withHandle(handle -> handle.createQuery(
                            """
                            SELECT name, to_char(inactive_since AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') || ' / '
                                || coalesce(to_char(retention_end AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI'), '-') AS kept
                            FROM instance WHERE inactive_since IS NOT NULL""")
                    .setMapKeyColumn("name").setMapValueColumn("kept")
                    .collectInto(new GenericType<Map<String, String>>() { }));
            assertThat(retention).containsOnly(
                    Map.entry("stopped-free", "2024-06-02 08:00 / 2024-06-05 08:00"),
                    Map.entry("failed-free", "2024-06-03 09:00 / 2024-06-06 09:00"),
                    Map.entry("stopped-paid", "2024-06-03 09:00 / -"),
                    Map.entry("kept-free", "2024-06-03 09:00 / -"));
            test.jdbi().useHandle(handle -> handle.execute("INSERT INTO instance_event (instance_id, version, from_status, to_status,"
                    + " cause, occurred_at) VALUES ('11111111-0000-0000-0000-000000000000', 2, 'STOPPED', 'DELETED', 'RETENTION', now())"));
        }
    }

    @Test
    void theMigratedSchemaValidatesAgainstTheMigrations() {
        try (TestDatabase test = TestDatabase.migrated()) {
            ValidateResult result = test.database().flyway().validateWithResult();

            assertThat(result.validationSuccessful).as("%s", result.invalidMigrations).isTrue();
        }
    }

    @Test
    void anUnmigratedSchemaDoesNotValidate() {
        try (TestDatabase test = TestDatabase.empty()) {
            assertThat(test.database().flyway().validateWithResult().validationSuccessful).isFalse();
        }
    }

    /** An instance row as version 12 of the schema has it: id, name, status, promo type, store time; updated 2024-06-03 09:00. */
    private static final String INSERT_AT_V12 = """
            INSERT INTO instance (id, project_id, name, description, status, flavor, workspace_id, ai_project_id, owner_id,
                owner_name, created_at, updated_at, version, auto_stop_enabled, auto_stop_duration_seconds, auto_stop_prompt,
                profile, flavor_details, spec)
            VALUES (CAST(? AS uuid), 'project-a', ?, '', ?, 'a.flavor', '0', 'default-ai-project', 'user-1', 'alice',
                '2024-06-01T08:00:00Z', '2024-06-03T09:00:00Z', 2, false, NULL, true, '{}',
                jsonb_build_object('promo_type', CAST(? AS text), 'store_time_hours', CAST(? AS integer)), '{}')""";

    private static List<String> migrationFileNames() throws IOException, URISyntaxException {
        Path folder = Path.of(MigrationTest.class.getClassLoader().getResource("db/migration").toURI());
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    private static int latestVersion() throws IOException, URISyntaxException {
        return migrationFileNames().stream().mapToInt(MigrationTest::version).max().orElseThrow();
    }

    private static int version(String fileName) {
        Matcher parts = FILE_NAME.matcher(fileName);
        return parts.matches() ? Integer.parseInt(parts.group(1)) : -1;
    }
}
