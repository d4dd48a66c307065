package io.demanager.bootstrap;

import io.demanager.adapter.persistence.postgres.TestDatabase;
import io.demanager.bootstrap.config.CatalogFiles;
import io.demanager.bootstrap.config.Configuration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.demanager.bootstrap.Eventually.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The configuration takes effect in the running server; one that cannot work stops the start, naming its variable. */
class ServerConfigurationTest {

    private static final String INSTANCES = "/v1/demo-project/demanager/instances";

    @TempDir
    Path files;

    private TestDatabase database;
    private final List<Server> servers = new ArrayList<>();

    @BeforeEach
    void createSchema() {
        database = TestDatabase.migrated();
    }

    @AfterEach
    void stopEverything() {
        servers.forEach(Server::close);
        database.close();
    }

    @Test
    void anOperatorsCatalogReplacesTheBuiltInOne() throws IOException {
        Path catalog = Files.writeString(files.resolve("catalog.json"), CatalogFiles.ONE_FLAVOR);
        Client client = devClient(start(Map.of("DEMANAGER_CATALOG_FILE", catalog.toString())));

        Answer own = client.post(INSTANCES, create("own", "only-profile", "only.flavor"));
        Answer builtIn = client.post(INSTANCES, create("built-in", "only-profile", "modelarts.vm.cpu.2u"));

        assertThat(own.status()).as(own.body()).isEqualTo(200);
        assertThat(builtIn.json().path("error_code").asText()).isEqualTo("ModelArts.6323");
    }

    @Test
    void theTokensOfTheTokensFileAreTheOnlyOnesAndEachActsInItsProjects() throws IOException {
        Path tokens = Files.writeString(files.resolve("tokens.json"), """
                {"tokens": [{"token": "alice-secret", "user": {"id": "u-alice", "name": "alice"}, "projects": ["team-a"]}]}""");
        Server server = start(Map.of("DEMANAGER_TOKENS_FILE", tokens.toString()));
        Client alice = new Client(server.port(), "alice-secret");

        Answer created = alice.post("/v1/team-a/demanager/instances", create("alices", "Python3", "modelarts.vm.cpu.2u"));

        assertThat(created.json().path("user").path("name").asText()).isEqualTo("alice");
        assertThat(alice.get("/v1/team-b/demanager/instances?de_type=Notebook").status()).isEqualTo(403);
        assertThat(devClient(server).get(INSTANCES + "?de_type=Notebook").status()).isEqualTo(401);
    }

    @Test
    void aFreeFlavorWithoutCapacityQueuesItsInstances() {
        Client client = devClient(start(Map.of("DEMANAGER_FREE_FLAVOR_CAPACITY", "0")));

        Answer created = client.post(INSTANCES, create("queued", "Python3", "modelarts.vm.cpu.free"));

        assertThat(created.json().path("status").asText()).isEqualTo("CREATE_QUEUING");
    }

    @Test
    void theRuntimeTakesTheConfiguredTimeAndServesReadinessAndMetrics() {
        Client client = devClient(start(Map.of("DEMANAGER_RUNTIME_DELAY_MS", "0")));
        String instance = INSTANCES + "/" + client.post(INSTANCES, create("quick", "Python3", "modelarts.vm.cpu.2u")).json().path("id").asText();

        waitUntil("it runs", () -> client.get(instance).json().path("status").asText().equals("RUNNING"));
        waitUntil("an auto-stop round has ended", () -> client.get("/health/ready").json().path("components").path("auto_stop").has("last_round"));
        Answer ready = client.get("/health/ready");
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.json().path("version").asText()).isEqualTo(ServerVersion.current());
        assertThat(ready.json().path("components").path("database").path("status").asText()).isEqualTo("UP");
        assertThat(ready.json().path("components").path("database").path("schema_version").asText()).isNotBlank();
        assertThat(ready.json().path("components").path("runtime").path("status").asText()).isEqualTo("UP");
        assertThat(ready.json().path("components").path("auto_stop").path("status").asText()).isEqualTo("UP");
        assertThat(ready.json().path("components").path("auto_stop").path("last_round_age_seconds").isIntegralNumber()).isTrue();
        assertThat(client.get("/metrics").body()).contains("hikaricp_connections_active{pool=\"demanager\"}",
                "http_server_requests_seconds_count{method=\"POST\",route=\"/v1/{project_id}/demanager/instances\",status=\"200\"} 1",
                "jetty_threads_busy", "jetty_threads_config_max");
    }

    @Test
    void serversWithTheSameCredentialKeyOpenEachOthersCredentialsAndAServerWithAnotherKeyCannot() {
        String body = """
                {"name": "keyed", "profile_id": "Python3", "flavor": "modelarts.vm.cpu.2u",
                 "spec": {"storage": {"type": "evs"}, "credential": {"access_key": "AKIDEXAMPLE", "secret_key": "the-secret"}}}""";
        Client first = devClient(start(Map.of("DEMANAGER_RUNTIME_DELAY_MS", "0")));
        String instance = INSTANCES + "/" + first.post(INSTANCES, body).json().path("id").asText();
        waitUntil("it runs", () -> first.get(instance).json().path("status").asText().equals("RUNNING"));
        String otherKey = Base64.getEncoder().encodeToString(new byte[16]);

        Answer sameKey = devClient(start(Map.of())).get(instance);
        Answer anotherKey = devClient(start(Map.of("DEMANAGER_CREDENTIAL_KEY", otherKey))).get(instance);

        assertThat(sameKey.json().path("spec").path("credential").path("access_key").asText()).isEqualTo("AKID****");
        assertThat(anotherKey.status()).isEqualTo(500);
    }

    @Test
    void aDatabaseThatCannotBeReachedStopsTheStartNamingItsVariable() {
        Map<String, String> variables = new HashMap<>(Map.of("DEMANAGER_DB_URL", "jdbc:postgresql://127.0.0.1:" + FreePorts.any() + "/nowhere"));

        assertThatThrownBy(() -> start(variables)).isInstanceOf(StartFailure.class).hasMessageStartingWith("DEMANAGER_DB_URL: ");
    }

    /** The first start fails after its embedded PostgreSQL started: it is stopped again, or the second could not start. */
    @Test
    void anEmbeddedDatabaseIsKeptInTheDataDirectoryAndAStartThatFailsLeavesNothingRunning() throws IOException {
        Path data = files.resolve("data");
        try (ServerSocket taken = new ServerSocket(0)) {
            Configuration onATakenPort = embeddedIn(data, taken.getLocalPort());

            assertThatThrownBy(() -> Server.start(onATakenPort)).isInstanceOf(StartFailure.class).hasMessageStartingWith("DEMANAGER_PORT: ");
        }

        try (Server server = Server.start(embeddedIn(data, FreePorts.any()))) {
            assertThat(devClient(server).get("/health/ready").status()).isEqualTo(200);
        }
        assertThat(data.resolve(Server.EMBEDDED_DATA).resolve("PG_VERSION")).exists();
        assertThat(data.resolve(CredentialKeyFile.NAME)).exists();
    }

    private static Configuration embeddedIn(Path data, int port) {
        return Configuration.from(Map.of("DEMANAGER_HOST", "127.0.0.1", "DEMANAGER_PORT", String.valueOf(port),
                "DEMANAGER_DATA_DIR", data.toString(), "DEMANAGER_RUNTIME", "simulated")).get();
    }

    private Server start(Map<String, String> variables) {
        Server server = TestServers.start(database, variables);
        servers.add(server);
        return server;
    }

    private static Client devClient(Server server) {
        return new Client(server.port(), "dev-token");
    }

    private static String create(String name, String profile, String flavor) {
        return """
                {"name": "%s", "profile_id": "%s", "flavor": "%s", "spec": {"storage": {"type": "evs"}}}""".formatted(name, profile, flavor);
    }
}
