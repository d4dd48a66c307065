package io.demanager.bootstrap.config;

import io.demanager.adapter.http.HttpLimits;
import io.demanager.adapter.runtime.kubernetes.KubernetesRuntimeSettings;
import io.demanager.adapter.runtime.process.ProcessRuntimeSettings;
import io.demanager.bootstrap.identity.ConfiguredCallers;
import io.demanager.bootstrap.retention.RetentionEngineSettings;
import io.demanager.domain.instance.ProjectId;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Every variable: a good value is what the configuration holds, a bad one is refused with the variable's name. */
class ConfigurationTest {

    private static final String KEY_OF_32_BYTES = Base64.getEncoder().encodeToString(new byte[32]);

    @TempDir
    static Path files;

    @Test
    void withNoVariableEverySettingHasItsDocumentedDefault() {
        Configuration defaults = valid(Map.of());

        assertThat(defaults.host()).isEqualTo("0.0.0.0");
        assertThat(defaults.port()).isEqualTo(8080);
        assertThat(defaults.dataDirectory()).isEqualTo(Path.of("data"));
        assertThat(defaults.externalDatabase()).isEmpty();
        assertThat(defaults.credentialKey()).isEmpty();
        assertThat(defaults.catalog().flavor("modelarts.vm.cpu.free")).isNotEmpty();
        assertThat(defaults.callers().isDevelopment()).isTrue();
        assertThat(defaults.callers().byToken(ConfiguredCallers.DEVELOPMENT_TOKEN)).contains(ConfiguredCallers.DEVELOPMENT_CALLER);
        assertThat(defaults.freeFlavorCapacity()).isEqualTo(10);
        assertThat(defaults.autoStopPolicy().minimum()).isEqualTo(Duration.ofSeconds(3600));
        assertThat(defaults.autoStopPolicy().maximum()).isEqualTo(Duration.ofSeconds(86400));
        assertThat(defaults.autoStopEngine().interval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(defaults.autoStopEngine().batchSize()).isEqualTo(100);
        assertThat(defaults.retentionEngine()).isEqualTo(new RetentionEngineSettings(100, Duration.ofSeconds(60)));
        assertThat(defaults.runtime().simulated().delay()).isEqualTo(Duration.ofSeconds(3));
        assertThat(defaults.runtime().simulated().failureRate()).isZero();
        assertThat(defaults.runtime().simulated().failingFlavors()).isEmpty();
        assertThat(defaults.logFormat()).isEqualTo(Configuration.LogFormat.TEXT);
        assertThat(defaults.runtime().kind()).isEqualTo(ProcessRuntimeSettings.isInstalled("jupyter-server")
                ? RuntimeSelection.Kind.PROCESS : RuntimeSelection.Kind.SIMULATED);
        assertThat(defaults.jwtCallers()).isEmpty();
        assertThat(defaults.httpLimits()).isEqualTo(new HttpLimits(Duration.ofSeconds(30), 1024, 32));
    }

    @Test
    void theHttpLimitsAreTheOnesConfigured() {
        Configuration configured = valid(Map.of("DEMANAGER_HTTP_IDLE_TIMEOUT_MS", "5000", "DEMANAGER_HTTP_MIN_REQUEST_RATE", "0",
                "DEMANAGER_HTTP_CONCURRENT_REQUESTS_PER_USER", "4"));

        assertThat(configured.httpLimits()).isEqualTo(new HttpLimits(Duration.ofSeconds(5), 0, 4));
        assertThat(Configuration.from(Map.of("DEMANAGER_HTTP_CONCURRENT_REQUESTS_PER_USER", "0")).getLeft())
                .containsExactly("DEMANAGER_HTTP_CONCURRENT_REQUESTS_PER_USER: 0 is not from 1 to 100000");
    }

    @Test
    void jsonWebTokensNeedTheirKeysIssuerAndAudienceAndThenTurnTheDevelopmentTokenOff() throws IOException {
        Path jwks = Files.writeString(files.resolve("jwks.json"), "{\"keys\": []}");

        assertThat(Configuration.from(Map.of("DEMANAGER_JWT_JWKS", jwks.toString())).getLeft()).containsExactly(
                "DEMANAGER_JWT_ISSUER: required with DEMANAGER_JWT_JWKS", "DEMANAGER_JWT_AUDIENCE: required with DEMANAGER_JWT_JWKS");
        assertThat(Configuration.from(Map.of("DEMANAGER_JWT_ISSUER", "https://id")).getLeft())
                .containsExactly("DEMANAGER_JWT_ISSUER: only with DEMANAGER_JWT_JWKS, which is not set");
        assertThat(Configuration.from(Map.of("DEMANAGER_JWT_JWKS", files.resolve("none.json").toString(),
                "DEMANAGER_JWT_ISSUER", "https://id", "DEMANAGER_JWT_AUDIENCE", "demanager")).getLeft())
                .singleElement().asString().startsWith("DEMANAGER_JWT_JWKS: ");
        Configuration withJwt = valid(Map.of("DEMANAGER_JWT_JWKS", jwks.toString(),
                "DEMANAGER_JWT_ISSUER", "https://id", "DEMANAGER_JWT_AUDIENCE", "demanager"));
        assertThat(withJwt.jwtCallers()).isNotEmpty();
        assertThat(withJwt.callers().isDevelopment()).isFalse();
        assertThat(withJwt.identities().byToken(ConfiguredCallers.DEVELOPMENT_TOKEN)).isEmpty();
    }

    @Test
    void theProcessRuntimeTakesItsSettingsAndLeavesNotebooksInTheDataDirectory() {
        Configuration configuration = Configuration.from(Map.of(
                "DEMANAGER_RUNTIME", "process",
                "DEMANAGER_DATA_DIR", "somewhere",
                "DEMANAGER_JUPYTER_COMMAND", "/bin/sh -c true",
                "DEMANAGER_NOTEBOOK_PORTS", "43100-43199",
                "DEMANAGER_NOTEBOOK_HOST", "127.0.0.2",
                "DEMANAGER_NOTEBOOK_START_TIMEOUT_SECONDS", "7",
                "DEMANAGER_NOTEBOOK_STOP_GRACE_SECONDS", "0",
                "DEMANAGER_NOTEBOOK_USER", "nobody")).get();

        ProcessRuntimeSettings process = configuration.runtime().process().get();
        assertThat(process.command()).containsExactly("/bin/sh", "-c", "true");
        assertThat(process.folder()).isEqualTo(Path.of("somewhere", "notebooks"));
        assertThat(List.of(process.firstPort(), process.lastPort())).containsExactly(43_100, 43_199);
        assertThat(process.bindHost()).isEqualTo("127.0.0.2");
        assertThat(process.startTimeout()).isEqualTo(Duration.ofSeconds(7));
        assertThat(process.stopGrace()).isZero();
        assertThat(process.notebookUser()).contains("nobody");
    }

    @Test
    void portZeroLetsNotebooksTakeAnyFreePortAndOtherSinglePortsAreRefused() {
        Map<String, String> process = Map.of("DEMANAGER_RUNTIME", "process", "DEMANAGER_JUPYTER_COMMAND", "/bin/sh",
                "DEMANAGER_NOTEBOOK_USER", "nobody");
        var anyPort = new HashMap<>(process);
        anyPort.put("DEMANAGER_NOTEBOOK_PORTS", " 0 ");
        var onePort = new HashMap<>(process);
        onePort.put("DEMANAGER_NOTEBOOK_PORTS", "43100");

        assertThat(Configuration.from(anyPort).get().runtime().process().get().anyFreePort()).isTrue();
        assertThat(Configuration.from(onePort).getLeft()).anyMatch(problem -> problem.equals(
                "DEMANAGER_NOTEBOOK_PORTS: '43100' is not a port range first-last, such as 42000-42999, nor 0 for any free port"));
    }

    @Test
    void aProcessRuntimeWithoutJupyterOrWithABadRangeIsRefusedNamingEachVariable() {
        var problems = Configuration.from(Map.of(
                "DEMANAGER_RUNTIME", "process",
                "DEMANAGER_JUPYTER_COMMAND", "/no/such/jupyter-server",
                "DEMANAGER_NOTEBOOK_PORTS", "43199-43100",
                "DEMANAGER_NOTEBOOK_USER", "root")).getLeft();

        assertThat(problems).anyMatch(problem -> problem.startsWith("DEMANAGER_JUPYTER_COMMAND: /no/such/jupyter-server is not found"))
                .anyMatch(problem -> problem.startsWith("DEMANAGER_NOTEBOOK_PORTS: '43199-43100' ends before it begins"));
        if (ProcessRuntimeSettings.userProblem(Option.some("root")).isDefined()) {
            assertThat(problems).anyMatch(problem -> problem.startsWith("DEMANAGER_NOTEBOOK_USER: notebooks never run as root"));
        }
        assertThat(Configuration.from(Map.of("DEMANAGER_RUNTIME", "cloud")).getLeft())
                .containsExactly("DEMANAGER_RUNTIME: 'cloud' is not process, kubernetes or simulated");
    }

    @Test
    void theKubernetesRuntimeTakesItsSettingsAndTheStartTimeoutOfItsOwnUnlessOneIsGiven() {
        KubernetesRuntimeSettings defaults = Configuration.from(Map.of("DEMANAGER_RUNTIME", "kubernetes")).get().runtime().kubernetes().get();
        KubernetesRuntimeSettings kubernetes = Configuration.from(Map.of(
                "DEMANAGER_RUNTIME", "kubernetes",
                "DEMANAGER_KUBERNETES_NAMESPACE", "notebooks",
                "DEMANAGER_KUBERNETES_REGISTRY", "swr.example.com/",
                "DEMANAGER_KUBERNETES_BASE_URL", "https://notebooks.example.com/",
                "DEMANAGER_KUBERNETES_RESYNC_SECONDS", "10",
                "DEMANAGER_KUBERNETES_STORAGE_CLASS", "ssd",
                "DEMANAGER_NOTEBOOK_START_TIMEOUT_SECONDS", "120")).get().runtime().kubernetes().get();

        assertThat(defaults).isEqualTo(new KubernetesRuntimeSettings(KubernetesRuntimeSettings.DEFAULT_NAMESPACE, Option.none(), Option.none(),
                KubernetesRuntimeSettings.DEFAULT_START_TIMEOUT, KubernetesRuntimeSettings.DEFAULT_RESYNC_PERIOD, Option.none()));
        assertThat(kubernetes).isEqualTo(new KubernetesRuntimeSettings("notebooks", Option.some("swr.example.com"),
                Option.some("https://notebooks.example.com"), Duration.ofSeconds(120), Duration.ofSeconds(10), Option.some("ssd")));
    }

    @Test
    void badKubernetesSettingsAreRefusedNamingEachVariable() {
        var problems = Configuration.from(Map.of(
                "DEMANAGER_RUNTIME", "kubernetes",
                "DEMANAGER_KUBERNETES_NAMESPACE", "Notebooks_1",
                "DEMANAGER_KUBERNETES_REGISTRY", "https://swr.example.com",
                "DEMANAGER_KUBERNETES_BASE_URL", "notebooks.example.com",
                "DEMANAGER_KUBERNETES_RESYNC_SECONDS", "0")).getLeft();

        assertThat(problems.map(problem -> problem.substring(0, problem.indexOf(':')))).containsExactlyInAnyOrder(
                "DEMANAGER_KUBERNETES_NAMESPACE", "DEMANAGER_KUBERNETES_REGISTRY", "DEMANAGER_KUBERNETES_BASE_URL",
                "DEMANAGER_KUBERNETES_RESYNC_SECONDS");
    }

    @Test
    void withoutJupyterAndWithoutAChoiceTheSimulatedRuntimeRunsAndSaysWhatToInstall() {
        RuntimeSelection runtime = Configuration.from(Map.of("DEMANAGER_JUPYTER_COMMAND", "/no/such/jupyter-server")).get().runtime();

        assertThat(runtime.kind()).isEqualTo(RuntimeSelection.Kind.SIMULATED);
        assertThat(runtime.fallback().get()).contains("jupyter-server", "python3-ipykernel");
    }

    static Stream<Arguments> goodValues() throws IOException {
        Path catalog = Files.writeString(files.resolve("catalog.json"), CatalogFiles.ONE_FLAVOR);
        Path tokens = Files.writeString(files.resolve("tokens.json"), """
                {"tokens": [{"token": "t-1", "user": {"id": "u-1", "name": "alice"}, "projects": ["p-1", "p-2"]}]}""");
        return Stream.of(
                good("DEMANAGER_PORT", "9090", Configuration::port, 9090),
                good("DEMANAGER_HOST", "127.0.0.1", Configuration::host, "127.0.0.1"),
                good("DEMANAGER_DATA_DIR", files.resolve("elsewhere").toString(), Configuration::dataDirectory, files.resolve("elsewhere")),
                good("DEMANAGER_CREDENTIAL_KEY", KEY_OF_32_BYTES, configuration -> configuration.credentialKey().get().getEncoded().length, 32),
                good("DEMANAGER_CATALOG_FILE", catalog.toString(),
                        configuration -> configuration.catalog().flavors().map(flavor -> flavor.name()), List.of("only.flavor")),
                good("DEMANAGER_TOKENS_FILE", tokens.toString(),
                        configuration -> configuration.callers().byToken("t-1").get().grants().keySet(),
                        HashSet.of(new ProjectId("p-1"), new ProjectId("p-2"))),
                good("DEMANAGER_FREE_FLAVOR_CAPACITY", "0", Configuration::freeFlavorCapacity, 0),
                good("DEMANAGER_AUTO_STOP_MIN_SECONDS", "60", configuration -> configuration.autoStopPolicy().minimum(), Duration.ofMinutes(1)),
                good("DEMANAGER_AUTO_STOP_MAX_SECONDS", "7200", configuration -> configuration.autoStopPolicy().maximum(), Duration.ofHours(2)),
                good("DEMANAGER_AUTO_STOP_INTERVAL_MS", "250", configuration -> configuration.autoStopEngine().interval(), Duration.ofMillis(250)),
                good("DEMANAGER_AUTO_STOP_BATCH_SIZE", "7", configuration -> configuration.autoStopEngine().batchSize(), 7),
                good("DEMANAGER_AUTO_STOP_CLAIMERS", "3", configuration -> configuration.autoStopEngine().claimers(), 3),
                good("DEMANAGER_LEASE_WARNING_SECONDS", "0", configuration -> configuration.autoStopEngine().warningBefore(), Duration.ZERO),
                good("DEMANAGER_RETENTION_INTERVAL_SECONDS", "1", configuration -> configuration.retentionEngine().interval(),
                        Duration.ofSeconds(1)),
                good("DEMANAGER_RETENTION_BATCH_SIZE", "10000", configuration -> configuration.retentionEngine().batchSize(), 10_000),
                good("DEMANAGER_RENEW_MIN_SECONDS", "60", configuration -> configuration.leaseRenewal().minimum(), Duration.ofMinutes(1)),
                good("DEMANAGER_RENEW_MAX_SECONDS", "7200", configuration -> configuration.leaseRenewal().maximum(), Duration.ofHours(2)),
                good("DEMANAGER_RUNTIME_DELAY_MS", "0", configuration -> configuration.runtime().simulated().delay(), Duration.ZERO),
                good("DEMANAGER_RUNTIME_FAILURE_RATE", "0.25", configuration -> configuration.runtime().simulated().failureRate(), 0.25),
                good("DEMANAGER_RUNTIME_FAILING_FLAVORS", " modelarts.vm.cpu.8u , modelarts.vm.gpu.p100",
                        configuration -> configuration.runtime().simulated().failingFlavors(), HashSet.of("modelarts.vm.cpu.8u", "modelarts.vm.gpu.p100")),
                good("DEMANAGER_LOG_FORMAT", "JSON", Configuration::logFormat, Configuration.LogFormat.JSON));
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("goodValues")
    void aGoodValueIsTheOneConfigured(String variable, String value, Function<Configuration, Object> setting, Object expected) {
        assertThat(setting.apply(valid(Map.of(variable, value)))).isEqualTo(expected);
    }

    @Test
    void anExternalDatabaseIsItsUrlUserAndPassword() {
        Configuration configuration = valid(Map.of("DEMANAGER_DB_URL", "jdbc:postgresql://db:5432/demanager",
                "DEMANAGER_DB_USER", "demanager", "DEMANAGER_DB_PASSWORD", "pw"));

        assertThat(configuration.externalDatabase().get().jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/demanager");
        assertThat(configuration.externalDatabase().get().user()).isEqualTo("demanager");
        assertThat(configuration.externalDatabase().get().password()).isEqualTo("pw");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "DEMANAGER_PORT | eighty | DEMANAGER_PORT: 'eighty' is not a whole number from 1 to 65535",
            "DEMANAGER_PORT | 0 | DEMANAGER_PORT: 0 is not from 1 to 65535",
            "DEMANAGER_PORT | 65536 | DEMANAGER_PORT: 65536 is not from 1 to 65535",
            "DEMANAGER_HOST | two words | DEMANAGER_HOST: 'two words' is not a host name or address",
            "DEMANAGER_DB_URL | mysql://db/x | DEMANAGER_DB_URL: 'mysql://db/x' is not a PostgreSQL JDBC URL",
            "DEMANAGER_DB_USER | someone | DEMANAGER_DB_USER: only with DEMANAGER_DB_URL, which is not set",
            "DEMANAGER_DB_PASSWORD | secret | DEMANAGER_DB_PASSWORD: only with DEMANAGER_DB_URL, which is not set",
            "DEMANAGER_CREDENTIAL_KEY | c2hvcnQ= | DEMANAGER_CREDENTIAL_KEY: the key is 5 bytes; an AES key is 16, 24 or 32 bytes",
            "DEMANAGER_CREDENTIAL_KEY | not base64! | DEMANAGER_CREDENTIAL_KEY: the key is not base64",
            "DEMANAGER_CATALOG_FILE | /no/such/catalog.json | DEMANAGER_CATALOG_FILE: catalog file /no/such/catalog.json does not exist",
            "DEMANAGER_TOKENS_FILE | /no/such/tokens.json | DEMANAGER_TOKENS_FILE: /no/such/tokens.json cannot be read",
            "DEMANAGER_FREE_FLAVOR_CAPACITY | -1 | DEMANAGER_FREE_FLAVOR_CAPACITY: '-1' is not a whole number",
            "DEMANAGER_AUTO_STOP_MIN_SECONDS | 0 | DEMANAGER_AUTO_STOP_MIN_SECONDS: 0 is not from 1 to 31536000",
            "DEMANAGER_AUTO_STOP_MAX_SECONDS | 1.5 | DEMANAGER_AUTO_STOP_MAX_SECONDS: '1.5' is not a whole number",
            "DEMANAGER_AUTO_STOP_MAX_SECONDS | 60 | DEMANAGER_AUTO_STOP_MAX_SECONDS: 60 is less than DEMANAGER_AUTO_STOP_MIN_SECONDS, 3600",
            "DEMANAGER_AUTO_STOP_INTERVAL_MS | 0 | DEMANAGER_AUTO_STOP_INTERVAL_MS: 0 is not from 1 to 86400000",
            "DEMANAGER_AUTO_STOP_BATCH_SIZE | 10001 | DEMANAGER_AUTO_STOP_BATCH_SIZE: 10001 is not from 1 to 10000",
            "DEMANAGER_AUTO_STOP_CLAIMERS | 0 | DEMANAGER_AUTO_STOP_CLAIMERS: 0 is not from 1 to 64",
            "DEMANAGER_LEASE_WARNING_SECONDS | -1 | DEMANAGER_LEASE_WARNING_SECONDS: '-1' is not a whole number",
            "DEMANAGER_RETENTION_INTERVAL_SECONDS | 0 | DEMANAGER_RETENTION_INTERVAL_SECONDS: 0 is not from 1 to 86400",
            "DEMANAGER_RETENTION_BATCH_SIZE | 0 | DEMANAGER_RETENTION_BATCH_SIZE: 0 is not from 1 to 10000",
            "DEMANAGER_RENEW_MIN_SECONDS | 0 | DEMANAGER_RENEW_MIN_SECONDS: 0 is not from 1 to 31536000",
            "DEMANAGER_RENEW_MAX_SECONDS | 60 | DEMANAGER_RENEW_MAX_SECONDS: 60 is less than DEMANAGER_RENEW_MIN_SECONDS, 3600",
            "DEMANAGER_RUNTIME_DELAY_MS | soon | DEMANAGER_RUNTIME_DELAY_MS: 'soon' is not a whole number",
            "DEMANAGER_RUNTIME_FAILURE_RATE | 1.01 | DEMANAGER_RUNTIME_FAILURE_RATE: 1.01 is not from 0 to 1",
            "DEMANAGER_RUNTIME_FAILURE_RATE | NaN | DEMANAGER_RUNTIME_FAILURE_RATE: 'NaN' is not a number from 0 to 1",
            "DEMANAGER_RUNTIME_FAILING_FLAVORS | modelarts.vm.cpu.2u,nope | DEMANAGER_RUNTIME_FAILING_FLAVORS: 'nope' is not a flavor of the catalog",
            "DEMANAGER_LOG_FORMAT | xml | DEMANAGER_LOG_FORMAT: 'xml' is not text or json",
            "DEMANAGER_PROT | 8080 | DEMANAGER_PROT: not a setting of demanager"})
    void aBadValueIsRefusedNamingItsVariable(String variable, String value, String problem) {
        assertThat(Configuration.from(Map.of(variable, value)).getLeft()).anySatisfy(told -> assertThat(told).startsWith(problem));
    }

    @Test
    void anExternalDatabaseNeedsItsUser() {
        assertThat(Configuration.from(Map.of("DEMANAGER_DB_URL", "jdbc:postgresql://db/x")).getLeft())
                .containsExactly("DEMANAGER_DB_USER: required with DEMANAGER_DB_URL");
    }

    @Test
    void everyProblemIsToldAtOnce() {
        assertThat(Configuration.from(Map.of("DEMANAGER_PORT", "x", "DEMANAGER_LOG_FORMAT", "x", "DEMANAGER_AUTO_STOP_BATCH_SIZE", "0"))
                .getLeft()).hasSize(3);
    }

    @Test
    void aRefusedSecretIsNotRepeated() {
        String secret = "c2VjcmV0LXZhbHVl";

        assertThat(Configuration.from(Map.of("DEMANAGER_CREDENTIAL_KEY", secret)).getLeft())
                .singleElement().asString().doesNotContain(secret);
    }

    @Test
    void aBlankValueIsNoValue() {
        assertThat(valid(Map.of("DEMANAGER_PORT", "  ")).port()).isEqualTo(8080);
    }

    @Test
    void theTestDatabaseVariablesAreNotTheServers() {
        assertThat(Configuration.from(Map.of("DEMANAGER_TEST_DB_URL", "jdbc:postgresql://db/x", "PATH", "/bin")).isRight()).isTrue();
    }

    @Test
    void theDescriptionForTheLogHoldsNoSecret() {
        Configuration configuration = valid(Map.of("DEMANAGER_DB_URL", "jdbc:postgresql://db/x?password=in-the-url",
                "DEMANAGER_DB_USER", "demanager", "DEMANAGER_DB_PASSWORD", "the-password", "DEMANAGER_CREDENTIAL_KEY", KEY_OF_32_BYTES));

        assertThat(configuration.toString()).contains("jdbc:postgresql://db/x as demanager")
                .doesNotContain("in-the-url", "the-password", KEY_OF_32_BYTES);
    }

    private static Arguments good(String variable, String value, Function<Configuration, Object> setting, Object expected) {
        return arguments(variable, value, setting, expected);
    }

    private static Configuration valid(Map<String, String> variables) {
        var configuration = Configuration.from(new HashMap<>(variables));
        assertThat(configuration.isRight()).as("problems: %s", configuration.isLeft() ? configuration.getLeft() : "").isTrue();
        return configuration.get();
    }
}
