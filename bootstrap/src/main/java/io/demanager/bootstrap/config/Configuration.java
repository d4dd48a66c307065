package io.demanager.bootstrap.config;

import io.demanager.adapter.http.HttpLimits;
import io.demanager.adapter.persistence.catalog.InvalidCatalogException;
import io.demanager.adapter.persistence.catalog.JsonCatalog;
import io.demanager.adapter.persistence.postgres.EmbeddedDatabase;
import io.demanager.adapter.persistence.postgres.PostgresDatabase;
import io.demanager.adapter.runtime.kubernetes.KubernetesRuntimeSettings;
import io.demanager.adapter.runtime.process.ProcessRuntimeSettings;
import io.demanager.adapter.runtime.simulated.SimulatedRuntimeSettings;
import io.demanager.application.port.in.DeliverWebhooksUseCase;
import io.demanager.application.port.out.Catalog;
import io.demanager.bootstrap.autostop.AutoStopEngineSettings;
import io.demanager.application.port.out.CallerIdentities;
import io.demanager.bootstrap.identity.ConfiguredCallers;
import io.demanager.bootstrap.idlestop.IdleStopEngineSettings;
import io.demanager.bootstrap.identity.FirstKnownCaller;
import io.demanager.bootstrap.identity.JwtCallers;
import io.demanager.bootstrap.identity.JwtSettings;
import io.demanager.bootstrap.identity.TokenFile;
import io.demanager.bootstrap.retention.RetentionEngineSettings;
import io.demanager.bootstrap.webhook.WebhookSettings;
import io.demanager.domain.autostop.AutoStopPolicy;
import io.demanager.domain.autostop.LeaseRenewalPolicy;
import io.demanager.domain.idle.IdleStopPolicy;
import io.vavr.collection.HashMap;
import io.vavr.collection.HashSet;
import io.vavr.collection.LinkedHashSet;
import io.vavr.collection.List;
import io.vavr.collection.Set;
import io.vavr.control.Either;
import io.vavr.control.Option;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Everything the server is configured with, read from its environment variables ({@link Variable}) and checked as a
 * whole before anything starts: {@link #from} answers every problem at once, each naming its variable. Files named
 * by a variable (catalog, tokens) are read and checked here too.
 *
 * @param externalDatabase where an external PostgreSQL is; none for the embedded one, whose files are in the data directory
 * @param credentialKey    the key that seals stored credentials; none to use (or make) the one kept in the data directory
 */
public record Configuration(
        String host,
        int port,
        Path dataDirectory,
        Option<PostgresDatabase.Settings> externalDatabase,
        Option<SecretKey> credentialKey,
        Catalog catalog,
        ConfiguredCallers callers,
        Option<JwtCallers> jwtCallers,
        HttpLimits httpLimits,
        int freeFlavorCapacity,
        AutoStopPolicy autoStopPolicy,
        AutoStopEngineSettings autoStopEngine,
        RetentionEngineSettings retentionEngine,
        RuntimeSelection runtime,
        LogFormat logFormat,
        LeaseRenewalPolicy leaseRenewal,
        Option<WebhookSettings> webhooks,
        IdleStopEngineSettings idleStop) {

    public enum LogFormat { TEXT, JSON }

    private static final Pattern WHOLE_NUMBER = Pattern.compile("[0-9]{1,18}");

    public Configuration {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(externalDatabase, "externalDatabase");
        Objects.requireNonNull(credentialKey, "credentialKey");
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(callers, "callers");
        Objects.requireNonNull(jwtCallers, "jwtCallers");
        Objects.requireNonNull(httpLimits, "httpLimits");
        Objects.requireNonNull(autoStopPolicy, "autoStopPolicy");
        Objects.requireNonNull(autoStopEngine, "autoStopEngine");
        Objects.requireNonNull(retentionEngine, "retentionEngine");
        Objects.requireNonNull(runtime, "runtime");
        Objects.requireNonNull(logFormat, "logFormat");
        Objects.requireNonNull(leaseRenewal, "leaseRenewal");
        Objects.requireNonNull(webhooks, "webhooks");
        Objects.requireNonNull(idleStop, "idleStop");
    }

    /** The configuration the variables describe, or every problem with them, each naming its variable. */
    public static Either<List<String>, Configuration> from(Map<String, String> variables) {
        Environment environment = new Environment(variables);
        environment.refuseUnknownNames();
        String host = environment.read(Variable.DEMANAGER_HOST, "0.0.0.0", Configuration::host);
        int port = environment.read(Variable.DEMANAGER_PORT, 8080, value -> whole(value, 1, 65_535));
        Path dataDirectory = environment.read(Variable.DEMANAGER_DATA_DIR, Path.of("data"), Configuration::directory);
        Option<PostgresDatabase.Settings> database = externalDatabase(environment);
        Option<SecretKey> credentialKey = environment.readOptional(Variable.DEMANAGER_CREDENTIAL_KEY, Configuration::aesKey);
        Catalog catalog = environment.read(Variable.DEMANAGER_CATALOG_FILE, JsonCatalog.fromClasspath(), Configuration::catalog);
        Option<JwtCallers> jwtCallers = jwtCallers(environment);
        ConfiguredCallers callers = environment.read(Variable.DEMANAGER_TOKENS_FILE,
                jwtCallers.isDefined() ? ConfiguredCallers.of(HashMap.empty()) : ConfiguredCallers.development(),
                value -> path(value).flatMap(TokenFile::read));
        var httpLimits = new HttpLimits(
                environment.read(Variable.DEMANAGER_HTTP_IDLE_TIMEOUT_MS, HttpLimits.DEFAULT.idleTimeout(),
                        value -> whole(value, 1, Duration.ofDays(1).toMillis()).map(Duration::ofMillis)),
                environment.read(Variable.DEMANAGER_HTTP_MIN_REQUEST_RATE, HttpLimits.DEFAULT.minRequestBytesPerSecond(),
                        value -> whole(value, 0, Integer.MAX_VALUE).map(Integer::longValue)),
                environment.read(Variable.DEMANAGER_HTTP_CONCURRENT_REQUESTS_PER_USER, HttpLimits.DEFAULT.concurrentRequestsPerCaller(),
                        value -> whole(value, 1, 100_000)),
                environment.read(Variable.DEMANAGER_EVENT_STREAMS_PER_USER, HttpLimits.DEFAULT.eventStreamsPerCaller(),
                        value -> whole(value, 1, 10_000)),
                environment.read(Variable.DEMANAGER_EVENT_STREAMS, HttpLimits.DEFAULT.eventStreams(),
                        value -> whole(value, 1, 10_000)));
        int capacity = environment.read(Variable.DEMANAGER_FREE_FLAVOR_CAPACITY, 10, value -> whole(value, 0, Integer.MAX_VALUE));
        AutoStopPolicy policy = autoStopPolicy(environment);
        var engine = new AutoStopEngineSettings(
                environment.read(Variable.DEMANAGER_AUTO_STOP_BATCH_SIZE, AutoStopEngineSettings.DEFAULT.batchSize(),
                        value -> whole(value, 1, 10_000)),
                environment.read(Variable.DEMANAGER_AUTO_STOP_INTERVAL_MS, AutoStopEngineSettings.DEFAULT.interval(),
                        value -> whole(value, 1, Duration.ofDays(1).toMillis()).map(Duration::ofMillis)),
                environment.read(Variable.DEMANAGER_LEASE_WARNING_SECONDS, AutoStopEngineSettings.DEFAULT.warningBefore(),
                        value -> whole(value, 0, Duration.ofDays(365).toSeconds()).map(Duration::ofSeconds)),
                environment.read(Variable.DEMANAGER_AUTO_STOP_CLAIMERS, AutoStopEngineSettings.DEFAULT.claimers(),
                        value -> whole(value, 1, 64)));
        var retention = new RetentionEngineSettings(
                environment.read(Variable.DEMANAGER_RETENTION_BATCH_SIZE, RetentionEngineSettings.DEFAULT.batchSize(),
                        value -> whole(value, 1, 10_000)),
                environment.read(Variable.DEMANAGER_RETENTION_INTERVAL_SECONDS, RetentionEngineSettings.DEFAULT.interval(),
                        value -> whole(value, 1, Duration.ofDays(1).toSeconds()).map(Duration::ofSeconds)));
        var simulated = new SimulatedRuntimeSettings(
                environment.read(Variable.DEMANAGER_RUNTIME_DELAY_MS, SimulatedRuntimeSettings.DEFAULT.delay(),
                        value -> whole(value, 0, Duration.ofDays(1).toMillis()).map(Duration::ofMillis)),
                environment.read(Variable.DEMANAGER_RUNTIME_FAILURE_RATE, SimulatedRuntimeSettings.DEFAULT.failureRate(),
                        Configuration::rate),
                environment.read(Variable.DEMANAGER_RUNTIME_FAILING_FLAVORS, SimulatedRuntimeSettings.DEFAULT.failingFlavors(),
                        value -> flavors(value, catalog)));
        RuntimeSelection runtime = runtime(environment, simulated, dataDirectory);
        LogFormat logFormat = environment.read(Variable.DEMANAGER_LOG_FORMAT, LogFormat.TEXT, Configuration::logFormat);
        LeaseRenewalPolicy leaseRenewal = leaseRenewal(environment);
        Option<WebhookSettings> webhooks = webhooks(environment);
        IdleStopEngineSettings idleStop = idleStop(environment);
        List<String> problems = List.ofAll(environment.problems());
        return problems.isEmpty()
                ? Either.right(new Configuration(host, port, dataDirectory, database, credentialKey, catalog, callers, jwtCallers, httpLimits, capacity,
                        policy, engine, retention, runtime, logFormat, leaseRenewal, webhooks, idleStop))
                : Either.left(problems);
    }

    /** Who the API admits: the tokens file's callers, and the JSON Web Tokens' when an issuer is configured. */
    public CallerIdentities identities() {
        return jwtCallers.<CallerIdentities>map(jwt -> new FirstKnownCaller(callers, jwt)).getOrElse(callers);
    }

    private static Option<JwtCallers> jwtCallers(Environment environment) {
        List<Variable> dependent = List.of(Variable.DEMANAGER_JWT_ISSUER, Variable.DEMANAGER_JWT_AUDIENCE,
                Variable.DEMANAGER_JWT_CLOCK_SKEW_SECONDS, Variable.DEMANAGER_JWT_USER_CLAIM,
                Variable.DEMANAGER_JWT_USER_NAME_CLAIM, Variable.DEMANAGER_JWT_PROJECTS_CLAIM);
        Option<String> keys = environment.raw(Variable.DEMANAGER_JWT_JWKS).map(String::strip);
        if (keys.isEmpty()) {
            dependent.filter(variable -> environment.raw(variable).isDefined())
                    .forEach(variable -> environment.refuse(variable, "only with DEMANAGER_JWT_JWKS, which is not set"));
            return Option.none();
        }
        Option<String> issuer = environment.raw(Variable.DEMANAGER_JWT_ISSUER).map(String::strip);
        Option<String> audience = environment.raw(Variable.DEMANAGER_JWT_AUDIENCE).map(String::strip);
        issuer.onEmpty(() -> environment.refuse(Variable.DEMANAGER_JWT_ISSUER, "required with DEMANAGER_JWT_JWKS"));
        audience.onEmpty(() -> environment.refuse(Variable.DEMANAGER_JWT_AUDIENCE, "required with DEMANAGER_JWT_JWKS"));
        long skew = environment.read(Variable.DEMANAGER_JWT_CLOCK_SKEW_SECONDS, JwtSettings.DEFAULT_CLOCK_SKEW.toSeconds(),
                value -> whole(value, 0, Duration.ofHours(1).toSeconds()));
        String user = environment.read(Variable.DEMANAGER_JWT_USER_CLAIM, JwtSettings.DEFAULT_USER_CLAIM, Either::right);
        String userName = environment.read(Variable.DEMANAGER_JWT_USER_NAME_CLAIM, JwtSettings.DEFAULT_USER_NAME_CLAIM, Either::right);
        String projects = environment.read(Variable.DEMANAGER_JWT_PROJECTS_CLAIM, JwtSettings.DEFAULT_PROJECTS_CLAIM, Either::right);
        if (issuer.isEmpty() || audience.isEmpty()) {
            return Option.none();
        }
        var settings = new JwtSettings(keys.get(), issuer.get(), audience.get(), Duration.ofSeconds(skew), user, userName, projects);
        return environment.readOptional(Variable.DEMANAGER_JWT_JWKS, value -> JwtCallers.of(settings));
    }

    private static RuntimeSelection runtime(Environment environment, SimulatedRuntimeSettings simulated, Path dataDirectory) {
        List<String> command = environment.read(Variable.DEMANAGER_JUPYTER_COMMAND, List.of(ProcessRuntimeSettings.DEFAULT_COMMAND),
                value -> value.isBlank() ? Either.left("the command is empty") : Either.right(List.of(value.strip().split("\\s+"))));
        String bindHost = environment.read(Variable.DEMANAGER_NOTEBOOK_HOST, "127.0.0.1", Configuration::host);
        int[] ports = environment.read(Variable.DEMANAGER_NOTEBOOK_PORTS,
                new int[] {ProcessRuntimeSettings.DEFAULT_FIRST_PORT, ProcessRuntimeSettings.DEFAULT_LAST_PORT}, Configuration::portRange);
        Option<Duration> startTimeout = environment.readOptional(Variable.DEMANAGER_NOTEBOOK_START_TIMEOUT_SECONDS,
                value -> whole(value, 1, 3_600).map(Duration::ofSeconds));
        Duration stopGrace = environment.read(Variable.DEMANAGER_NOTEBOOK_STOP_GRACE_SECONDS,
                ProcessRuntimeSettings.DEFAULT_STOP_GRACE, value -> whole(value, 0, 600).map(Duration::ofSeconds));
        String user = environment.read(Variable.DEMANAGER_NOTEBOOK_USER, ProcessRuntimeSettings.DEFAULT_NOTEBOOK_USER,
                value -> value.isBlank() ? Either.left("the user is empty") : Either.right(value.strip()));
        Option<RuntimeSelection.Kind> asked = environment.readOptional(Variable.DEMANAGER_RUNTIME, value ->
                List.of(RuntimeSelection.Kind.values()).find(kind -> kind.name().equals(value.toUpperCase(Locale.ROOT)))
                        .toEither(() -> "'" + value + "' is not process, kubernetes or simulated"));
        if (asked.contains(RuntimeSelection.Kind.KUBERNETES) && !KubernetesRuntimeSettings.isClientPackaged()) {
            environment.refuse(Variable.DEMANAGER_RUNTIME, "kubernetes needs demanager-server-kubernetes.jar: this server jar"
                    + " is built without the Kubernetes client");
        }
        if (asked.contains(RuntimeSelection.Kind.KUBERNETES)) {
            return new RuntimeSelection(Option.none(), Option.some(kubernetes(environment, startTimeout)), simulated, Option.none());
        }
        boolean installed = ProcessRuntimeSettings.isInstalled(command.head());
        var process = new ProcessRuntimeSettings(command, dataDirectory.resolve("notebooks"), bindHost, ports[0], ports[1],
                startTimeout.getOrElse(ProcessRuntimeSettings.DEFAULT_START_TIMEOUT), stopGrace, Option.some(user));
        if (asked.isEmpty() && !installed) {
            return new RuntimeSelection(Option.none(), Option.none(), simulated, Option.some(command.head()
                    + " was not found, so no notebook really runs: install the Debian packages jupyter-server and"
                    + " python3-ipykernel (or set DEMANAGER_RUNTIME=simulated to say this is meant)"));
        }
        RuntimeSelection.Kind kind = asked.getOrElse(RuntimeSelection.Kind.PROCESS);
        if (kind == RuntimeSelection.Kind.PROCESS) {
            if (!installed) {
                environment.refuse(Variable.DEMANAGER_JUPYTER_COMMAND, command.head()
                        + " is not found; install the Debian packages jupyter-server and python3-ipykernel");
            }
            ProcessRuntimeSettings.userProblem(Option.some(user))
                    .forEach(problem -> environment.refuse(Variable.DEMANAGER_NOTEBOOK_USER, problem));
        }
        return kind == RuntimeSelection.Kind.PROCESS
                ? new RuntimeSelection(Option.some(process), Option.none(), simulated, Option.none())
                : RuntimeSelection.simulated(simulated);
    }

    /** The Kubernetes runtime's settings; the cluster itself is found as kubectl finds it (in-cluster, or KUBECONFIG). */
    private static KubernetesRuntimeSettings kubernetes(Environment environment, Option<Duration> startTimeout) {
        String namespace = environment.read(Variable.DEMANAGER_KUBERNETES_NAMESPACE, KubernetesRuntimeSettings.DEFAULT_NAMESPACE,
                value -> KubernetesRuntimeSettings.isNamespace(value.strip()) ? Either.right(value.strip())
                        : Either.left("'" + value + "' is not a namespace name (lower-case letters, digits and '-', at most 63)"));
        Option<String> registry = environment.readOptional(Variable.DEMANAGER_KUBERNETES_REGISTRY,
                value -> value.isBlank() || value.contains("://") ? Either.left("a registry is a host name and path, without a scheme")
                        : Either.right(value.strip()));
        Option<String> baseUrl = environment.readOptional(Variable.DEMANAGER_KUBERNETES_BASE_URL,
                value -> value.strip().startsWith("https://") || value.strip().startsWith("http://") ? Either.right(value.strip())
                        : Either.left("the base URL starts with https:// or http://"));
        Duration resync = environment.read(Variable.DEMANAGER_KUBERNETES_RESYNC_SECONDS, KubernetesRuntimeSettings.DEFAULT_RESYNC_PERIOD,
                value -> whole(value, 1, 3_600).map(Duration::ofSeconds));
        Option<String> storageClass = environment.readOptional(Variable.DEMANAGER_KUBERNETES_STORAGE_CLASS,
                value -> value.isBlank() ? Either.left("the storage class is empty") : Either.right(value.strip()));
        return new KubernetesRuntimeSettings(namespace, registry, baseUrl, startTimeout.getOrElse(KubernetesRuntimeSettings.DEFAULT_START_TIMEOUT),
                resync, storageClass);
    }

    private static Either<String, int[]> portRange(String value) {
        if (value.strip().equals(String.valueOf(ProcessRuntimeSettings.ANY_PORT))) {
            return Either.right(new int[] {ProcessRuntimeSettings.ANY_PORT, ProcessRuntimeSettings.ANY_PORT});
        }
        String[] bounds = value.strip().split("-");
        if (bounds.length != 2) {
            return Either.left("'" + value + "' is not a port range first-last, such as 42000-42999, nor 0 for any free port");
        }
        return whole(bounds[0].strip(), 1, 65_535).flatMap(first -> whole(bounds[1].strip(), 1, 65_535)
                .flatMap(last -> last < first
                        ? Either.left("'" + value + "' ends before it begins")
                        : Either.right(new int[] {first, last})));
    }

    private static Option<PostgresDatabase.Settings> externalDatabase(Environment environment) {
        Option<String> url = environment.readOptional(Variable.DEMANAGER_DB_URL, value -> value.startsWith("jdbc:postgresql:")
                ? Either.right(value)
                : Either.left("'" + value + "' is not a PostgreSQL JDBC URL (jdbc:postgresql://host:port/database)"));
        Option<String> user = environment.raw(Variable.DEMANAGER_DB_USER).map(String::strip);
        Option<String> password = environment.raw(Variable.DEMANAGER_DB_PASSWORD);
        if (environment.raw(Variable.DEMANAGER_DB_URL).isEmpty()) {
            user.forEach(given -> environment.refuse(Variable.DEMANAGER_DB_USER, "only with DEMANAGER_DB_URL, which is not set"));
            password.forEach(given -> environment.refuse(Variable.DEMANAGER_DB_PASSWORD, "only with DEMANAGER_DB_URL, which is not set"));
            if (!EmbeddedDatabase.isPackaged()) {
                environment.refuse(Variable.DEMANAGER_DB_URL, "required: this server jar carries no embedded PostgreSQL"
                        + " (demanager-server-kubernetes.jar runs on a database of its cluster; demanager-server.jar has one)");
            }
            return Option.none();
        }
        if (user.isEmpty()) {
            environment.refuse(Variable.DEMANAGER_DB_USER, "required with DEMANAGER_DB_URL");
        }
        return url.flatMap(jdbcUrl -> user.map(account -> new PostgresDatabase.Settings(jdbcUrl, account, password.getOrElse(""))));
    }

    private static AutoStopPolicy autoStopPolicy(Environment environment) {
        long min = environment.read(Variable.DEMANAGER_AUTO_STOP_MIN_SECONDS, AutoStopPolicy.DEFAULT.minimum().toSeconds(),
                value -> whole(value, 1, Duration.ofDays(365).toSeconds()));
        long max = environment.read(Variable.DEMANAGER_AUTO_STOP_MAX_SECONDS, AutoStopPolicy.DEFAULT.maximum().toSeconds(),
                value -> whole(value, 1, Duration.ofDays(365).toSeconds()));
        if (max < min) {
            environment.refuse(Variable.DEMANAGER_AUTO_STOP_MAX_SECONDS,
                    max + " is less than DEMANAGER_AUTO_STOP_MIN_SECONDS, " + min);
            return AutoStopPolicy.DEFAULT;
        }
        return new AutoStopPolicy(Duration.ofSeconds(min), Duration.ofSeconds(max));
    }

    private static IdleStopEngineSettings idleStop(Environment environment) {
        IdleStopPolicy defaults = IdleStopEngineSettings.DEFAULT.policy();
        long min = environment.read(Variable.DEMANAGER_IDLE_STOP_MIN_SECONDS, defaults.minimumIdle().toSeconds(),
                value -> whole(value, 1, Duration.ofDays(365).toSeconds()));
        long max = environment.read(Variable.DEMANAGER_IDLE_STOP_MAX_SECONDS, defaults.maximumIdle().toSeconds(),
                value -> whole(value, 1, Duration.ofDays(365).toSeconds()));
        Duration minimumRunning = environment.read(Variable.DEMANAGER_IDLE_STOP_MIN_RUNNING_SECONDS, defaults.minimumRunning(),
                value -> whole(value, 0, Duration.ofDays(365).toSeconds()).map(Duration::ofSeconds));
        Duration warning = environment.read(Variable.DEMANAGER_IDLE_STOP_WARNING_SECONDS, defaults.warningBefore(),
                value -> whole(value, 0, Duration.ofDays(365).toSeconds()).map(Duration::ofSeconds));
        Duration interval = environment.read(Variable.DEMANAGER_IDLE_STOP_INTERVAL_MS, IdleStopEngineSettings.DEFAULT.interval(),
                value -> whole(value, 1, Duration.ofDays(1).toMillis()).map(Duration::ofMillis));
        if (max < min) {
            environment.refuse(Variable.DEMANAGER_IDLE_STOP_MAX_SECONDS,
                    max + " is less than DEMANAGER_IDLE_STOP_MIN_SECONDS, " + min);
            return IdleStopEngineSettings.DEFAULT;
        }
        return new IdleStopEngineSettings(new IdleStopPolicy(Duration.ofSeconds(min), Duration.ofSeconds(max), minimumRunning,
                warning), interval, IdleStopEngineSettings.DEFAULT.pageSize());
    }

    private static LeaseRenewalPolicy leaseRenewal(Environment environment) {
        long min = environment.read(Variable.DEMANAGER_RENEW_MIN_SECONDS, LeaseRenewalPolicy.DEFAULT.minimum().toSeconds(),
                value -> whole(value, 1, Duration.ofDays(365).toSeconds()));
        long max = environment.read(Variable.DEMANAGER_RENEW_MAX_SECONDS, LeaseRenewalPolicy.DEFAULT.maximum().toSeconds(),
                value -> whole(value, 1, Duration.ofDays(365).toSeconds()));
        if (max < min) {
            environment.refuse(Variable.DEMANAGER_RENEW_MAX_SECONDS, max + " is less than DEMANAGER_RENEW_MIN_SECONDS, " + min);
            return LeaseRenewalPolicy.DEFAULT;
        }
        return new LeaseRenewalPolicy(Duration.ofSeconds(min), Duration.ofSeconds(max));
    }

    private static Option<WebhookSettings> webhooks(Environment environment) {
        Option<Set<String>> urls = environment.readOptional(Variable.DEMANAGER_WEBHOOK_URLS, Configuration::webhookUrls);
        Option<String> secret = environment.readOptional(Variable.DEMANAGER_WEBHOOK_SECRET, Either::right);
        var defaults = DeliverWebhooksUseCase.Retries.DEFAULT;
        int attempts = environment.read(Variable.DEMANAGER_WEBHOOK_ATTEMPTS, defaults.attempts(), value -> whole(value, 1, 1_000));
        Duration timeout = environment.read(Variable.DEMANAGER_WEBHOOK_TIMEOUT_MS, Duration.ofSeconds(10),
                value -> whole(value, 1, Duration.ofMinutes(5).toMillis()).map(Duration::ofMillis));
        if (urls.isDefined() && secret.filter(value -> !value.isEmpty()).isEmpty()) {
            environment.refuse(Variable.DEMANAGER_WEBHOOK_SECRET, "is required with DEMANAGER_WEBHOOK_URLS, to sign each body");
            return Option.none();
        }
        // An attempt may take the whole timeout; another server tries it again only well after that.
        var retries = new DeliverWebhooksUseCase.Retries(attempts, defaults.firstPause(), defaults.longestPause(),
                timeout.multipliedBy(3));
        return urls.map(endpoints -> new WebhookSettings(endpoints, secret.get(), timeout, retries));
    }

    private static Either<String, Set<String>> webhookUrls(String value) {
        List<String> urls = List.of(value.split(",")).map(String::strip);
        return urls.find(url -> !isHttpUrl(url))
                .map(wrong -> Either.<String, Set<String>>left("'" + wrong + "' is not an http or https URL"))
                .getOrElse(() -> Either.right(LinkedHashSet.ofAll(urls)));
    }

    private static boolean isHttpUrl(String url) {
        try {
            URI uri = new URI(url);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (URISyntaxException malformed) {
            return false;
        }
    }

    private static Either<String, Long> whole(String value, long min, long max) {
        if (!WHOLE_NUMBER.matcher(value).matches()) {
            return Either.left("'" + value + "' is not a whole number from " + min + " to " + max);
        }
        long number = Long.parseLong(value);
        return number < min || number > max
                ? Either.left(value + " is not from " + min + " to " + max)
                : Either.right(number);
    }

    private static Either<String, Integer> whole(String value, int min, int max) {
        return whole(value, (long) min, (long) max).map(Long::intValue);
    }

    private static Either<String, String> host(String value) {
        return value.chars().anyMatch(Character::isWhitespace)
                ? Either.left("'" + value + "' is not a host name or address")
                : Either.right(value);
    }

    private static Either<String, Path> path(String value) {
        try {
            return Either.right(Path.of(value));
        } catch (InvalidPathException invalid) {
            return Either.left("'" + value + "' is not a path: " + invalid.getReason());
        }
    }

    private static Either<String, Path> directory(String value) {
        return path(value).filterOrElse(path -> !Files.exists(path) || Files.isDirectory(path),
                path -> path + " exists and is not a directory");
    }

    /** The value is a secret: a refusal never repeats it. */
    private static Either<String, SecretKey> aesKey(String value) {
        try {
            byte[] key = Base64.getDecoder().decode(value);
            return key.length == 16 || key.length == 24 || key.length == 32
                    ? Either.right(new SecretKeySpec(key, "AES"))
                    : Either.left("the key is " + key.length + " bytes; an AES key is 16, 24 or 32 bytes, written in base64");
        } catch (IllegalArgumentException notBase64) {
            return Either.left("the key is not base64 (of 16, 24 or 32 bytes)");
        }
    }

    private static Either<String, Catalog> catalog(String value) {
        return path(value).flatMap(file -> {
            try {
                return Either.right(JsonCatalog.fromFile(file));
            } catch (InvalidCatalogException invalid) {
                return Either.left(invalid.getMessage());
            }
        });
    }

    private static Either<String, Double> rate(String value) {
        try {
            BigDecimal rate = new BigDecimal(value);
            return rate.signum() >= 0 && rate.compareTo(BigDecimal.ONE) <= 0
                    ? Either.right(rate.doubleValue())
                    : Either.left(value + " is not from 0 to 1");
        } catch (NumberFormatException notANumber) {
            return Either.left("'" + value + "' is not a number from 0 to 1");
        }
    }

    private static Either<String, Set<String>> flavors(String value, Catalog catalog) {
        List<String> names = List.of(value.split(",")).map(String::strip);
        return names.find(name -> catalog.flavor(name).isEmpty())
                .map(unknown -> Either.<String, Set<String>>left("'" + unknown + "' is not a flavor of the catalog"))
                .getOrElse(() -> Either.right(HashSet.ofAll(names)));
    }

    private static Either<String, LogFormat> logFormat(String value) {
        return List.of(LogFormat.values()).find(format -> format.name().equals(value.toUpperCase(Locale.ROOT)))
                .toEither(() -> "'" + value + "' is not text or json");
    }

    /** Everything but the secrets, for the log. */
    @Override
    public String toString() {
        return "listen=" + host + ":" + port
                + ", database=" + externalDatabase.map(settings -> withoutParameters(settings.jdbcUrl()) + " as " + settings.user())
                        .getOrElse("embedded in " + dataDirectory.resolve("postgres"))
                + ", credential key=" + credentialKey.map(key -> "DEMANAGER_CREDENTIAL_KEY").getOrElse(dataDirectory.resolve("credential.key").toString())
                + ", tokens=" + (callers.isDevelopment() ? "development token" : "DEMANAGER_TOKENS_FILE")
                + jwtCallers.map(jwt -> " and JSON Web Tokens").getOrElse("")
                + ", http limits=idle " + httpLimits.idleTimeout().toMillis() + " ms, body at least "
                        + httpLimits.minRequestBytesPerSecond() + " B/s, " + httpLimits.concurrentRequestsPerCaller() + " requests per user"
                + ", free flavor capacity=" + freeFlavorCapacity
                + ", auto stop=" + autoStopPolicy.minimum().toSeconds() + ".." + autoStopPolicy.maximum().toSeconds() + " s every "
                + autoStopEngine.interval().toMillis() + " ms at least, by " + autoStopEngine.batchSize()
                + ", warning " + autoStopEngine.warningBefore().toSeconds() + " s before"
                + ", retention sweep every " + retentionEngine.interval().toSeconds() + " s, by " + retentionEngine.batchSize()
                + ", idle stop=" + idleStop.policy().minimumIdle().toSeconds() + ".." + idleStop.policy().maximumIdle().toSeconds()
                        + " s, running at least " + idleStop.policy().minimumRunning().toSeconds() + " s, warning "
                        + idleStop.policy().warningBefore().toSeconds() + " s before, every " + idleStop.interval().toMillis() + " ms"
                + ", renewals=" + leaseRenewal.minimum().toSeconds() + ".." + leaseRenewal.maximum().toSeconds() + " s"
                + ", runtime=" + runtime.process().map(process -> "process (" + process.command().mkString(" ") + " on "
                                + process.bindHost() + ":" + process.firstPort() + "-" + process.lastPort() + " as "
                                + process.notebookUser().getOrElse("the server's user") + ")")
                        .orElse(() -> runtime.kubernetes().map(kubernetes -> "kubernetes (namespace " + kubernetes.namespace()
                                + kubernetes.registryPrefix().map(registry -> ", registry " + registry).getOrElse("")
                                + kubernetes.baseUrl().map(url -> ", notebooks at " + url).getOrElse("")
                                + ", start timeout " + kubernetes.startTimeout().toSeconds() + " s, resync every "
                                + kubernetes.resyncPeriod().toSeconds() + " s)"))
                        .getOrElse(() -> "simulated (" + runtime.simulated().delay().toMillis() + " ms, failure rate " + runtime.simulated().failureRate()
                                + (runtime.simulated().failingFlavors().isEmpty() ? ""
                                        : ", always failing " + runtime.simulated().failingFlavors().mkString(",")) + ")")
                + ", event streams=" + httpLimits.eventStreamsPerCaller() + " per user, " + httpLimits.eventStreams() + " in all"
                + ", webhooks=" + webhooks.map(WebhookSettings::toString).getOrElse("none")
                + ", log=" + logFormat.name().toLowerCase(Locale.ROOT);
    }

    /** A URL's query may carry a password: it is left out. */
    private static String withoutParameters(String jdbcUrl) {
        int query = jdbcUrl.indexOf('?');
        return query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
    }
}
