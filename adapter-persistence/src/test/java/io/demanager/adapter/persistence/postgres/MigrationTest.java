package io.demanager.adapter.persistence.postgres;

import org.flywaydb.core.api.output.ValidateResult;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
     * Versions given to branches that are developed at the same time and not merged yet: until each lands, its number
     * is the one gap allowed. Once all have landed this set can go.
     */
    private static final Set<Integer> HELD_FOR_OTHER_BRANCHES = Set.of(5, 6, 7, 8, 11, 13, 14, 15);
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
                .as("versions, unique and without gaps but those held for branches still in flight")
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
