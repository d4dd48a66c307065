package io.demanager.adapter.persistence.postgres;

import io.demanager.domain.instance.Instance;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.crypto.SecretKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

import static io.demanager.testkit.StoreFixtures.anInstance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedDatabaseTest {

    @Test
    void aPersistentServerFindsItsDataAgainAfterARestart(@TempDir Path data) {
        SecretKey key = TestDatabase.newCredentialKey();
        Instance stored;
        try (EmbeddedDatabase server = EmbeddedDatabase.startPersistent(data.resolve("postgres"), data.resolve("password"));
             PostgresDatabase database = PostgresDatabase.connect(server.settings())) {
            assertThat(database.migrate()).isPositive();
            stored = new PostgresPorts(PostgresStores.create(database.dataSource(), key)).insert(anInstance().build()).get();
        }

        try (EmbeddedDatabase server = EmbeddedDatabase.startPersistent(data.resolve("postgres"), data.resolve("password"));
             PostgresDatabase database = PostgresDatabase.connect(server.settings())) {
            assertThat(database.migrate()).isZero();
            assertThat(new PostgresPorts(PostgresStores.create(database.dataSource(), key)).find(stored.projectId(), stored.id()))
                    .containsExactly(stored);
        }
    }

    @Test
    void aNewServerAdmitsOnlyWhoGivesThePasswordKeptForItsOwnerAlone(@TempDir Path data) throws Exception {
        Path password = data.resolve("password");
        try (EmbeddedDatabase server = EmbeddedDatabase.startPersistent(data.resolve("postgres"), password)) {
            String url = server.settings().jdbcUrl();

            assertThat(Files.getPosixFilePermissions(password)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(server.settings().password()).isEqualTo(Files.readString(password).strip()).hasSizeGreaterThan(40);
            assertRefused(url, "");
            assertRefused(url, "not-the-password");
            assertAdmitted(url, server.settings().password());
            assertThat(accessRules(data.resolve("postgres"))).isEqualTo(EmbeddedDatabase.HOST_BASED_AUTHENTICATION);
        }
    }

    @Test
    void filesMadeByAVersionThatTrustedEveryLocalUserAreGivenThePasswordAndLoseTheTrust(@TempDir Path data) throws Exception {
        Path files = data.resolve("postgres");
        try (EmbeddedPostgres trusting = EmbeddedPostgres.builder().setDataDirectory(files).setCleanDataDirectory(false).start();
             Connection connection = DriverManager.getConnection(trusting.getJdbcUrl("postgres", "postgres"))) {
            connection.createStatement().execute("CREATE TABLE kept (x int); INSERT INTO kept VALUES (42)");
        }
        assertThat(accessRules(files)).contains("trust");

        try (EmbeddedDatabase server = EmbeddedDatabase.startPersistent(files, data.resolve("password"))) {
            String url = server.settings().jdbcUrl();

            assertRefused(url, "");
            assertThat(accessRules(files)).doesNotContain("trust");
            try (Connection admitted = connect(url, server.settings().password())) {
                var kept = admitted.createStatement().executeQuery("SELECT x FROM kept");
                assertThat(kept.next()).isTrue();
                assertThat(kept.getInt(1)).isEqualTo(42);
            }
        }
    }

    private static void assertRefused(String url, String password) {
        assertThatThrownBy(() -> connect(url, password).close())
                .isInstanceOf(SQLException.class)
                .satisfies(refused -> assertThat(((SQLException) refused).getSQLState()).isIn("28P01", "08004"));
    }

    private static void assertAdmitted(String url, String password) throws SQLException {
        try (Connection connection = connect(url, password)) {
            assertThat(connection.isValid(5)).isTrue();
        }
    }

    private static Connection connect(String url, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("password", password);
        return DriverManager.getConnection(url, properties);
    }

    private static String accessRules(Path files) throws IOException {
        return Files.readString(files.resolve("pg_hba.conf"), StandardCharsets.UTF_8);
    }
}
