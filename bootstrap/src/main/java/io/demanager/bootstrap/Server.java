package io.demanager.bootstrap;

import io.demanager.adapter.http.HttpApi;
import io.demanager.adapter.http.HealthAndMetrics;
import io.demanager.adapter.persistence.postgres.EmbeddedDatabase;
import io.demanager.adapter.persistence.postgres.PostgresDatabase;
import io.demanager.adapter.persistence.postgres.StoreNotifications;
import io.demanager.adapter.persistence.postgres.PostgresStores;
import io.demanager.application.service.IdentifyCallerService;
import io.demanager.bootstrap.config.Configuration;
import io.demanager.bootstrap.health.ServerReadiness;
import io.demanager.bootstrap.identity.ConfiguredCallers;
import io.demanager.bootstrap.metrics.ServerMetrics;
import io.demanager.bootstrap.webhook.WebhookSettings;
import io.vavr.collection.HashSet;
import io.javalin.Javalin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.SecretKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Random;

/**
 * The standalone server, wired by hand from its {@link Configuration}: the database (embedded, or external), its
 * migrations, the store, the {@link Assembly} (services, simulated runtime, auto-stop worker), the metrics and the HTTP API.
 * {@link #close()} takes it down in the reverse order: no new request is taken and those in flight are answered
 * (for up to {@link HttpApi#STOP_TIMEOUT}), the auto-stop worker finishes its batch, the pool closes, and the embedded
 * PostgreSQL stops.
 */
public final class Server implements AutoCloseable {

    static final String EMBEDDED_DATA = "postgres";
    static final String EMBEDDED_DATA_PASSWORD = "database.password";

    private static final Logger LOG = LoggerFactory.getLogger(Server.class);

    /** What was started, the last first. */
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private int port;

    private Server() {
    }

    /** A running server, or a {@link StartFailure} naming what to fix, with nothing left running. */
    public static Server start(Configuration configuration) {
        Server server = new Server();
        try {
            server.startAll(configuration);
            return server;
        } catch (RuntimeException failure) {
            server.close();
            throw failure;
        }
    }

    /** The port the API listens on. */
    public int port() {
        return port;
    }

    private void startAll(Configuration configuration) {
        LOG.info("Starting demanager {}: {}", ServerVersion.current(), configuration);
        PostgresDatabase database = database(configuration);
        int applied = database.migrate();
        LOG.info("The database schema is up to date ({} migrations applied now)", applied);
        var stores = PostgresStores.create(database.dataSource(), credentialKey(configuration));
        ServerMetrics metrics = startedHere(new ServerMetrics());
        database.publishPoolMetrics(metrics.connectionPool());
        Assembly assembly = startedHere(new Assembly(stores.stores(), configuration.catalog(), new Assembly.Settings(
                configuration.autoStopPolicy(), configuration.freeFlavorCapacity(), configuration.runtime(), configuration.autoStopEngine(),
                configuration.leaseRenewal(), configuration.idleStop(), configuration.retentionEngine()),
                metrics, metrics, new Random(), Clock.systemUTC()));
        assembly.wakeAutoStopOn(stores.instances());
        var notifications = startedHere(StoreNotifications.listen(database));
        assembly.wakeAutoStopOn(notifications);
        stores.eventFeed().hearFrom(notifications);
        stores.webhookOutbox().deliverTo(configuration.webhooks().map(WebhookSettings::endpoints).getOrElse(HashSet.empty()));
        configuration.webhooks().forEach(webhooks -> {
            var webhookWorker = assembly.deliverWebhooks(stores.webhookOutbox(), webhooks);
            notifications.whenEventsWritten(webhookWorker::wake);
            metrics.publishWebhooks(webhookWorker::backlog);
        });
        assembly.start();
        Javalin api = HttpApi.create(assembly.useCases(), new IdentifyCallerService(configuration.identities()), new HealthAndMetrics(ServerVersion.current(),
                new ServerReadiness(database, assembly::runtimeTakesWork,
                        assembly.runtimeKind().name().toLowerCase(Locale.ROOT), assembly.autoStop(), Clock.systemUTC()), metrics::scrape, metrics),
                configuration.httpLimits());
        listen(api, configuration);
        metrics.publishThreadPool(api.jettyServer().server().getThreadPool());
        if (configuration.callers().isDevelopment()) {
            LOG.warn("No DEMANAGER_TOKENS_FILE: the development token '{}' lets user '{}' act in project '{}'. "
                            + "Give the server a tokens file before anybody else can reach it.",
                    ConfiguredCallers.DEVELOPMENT_TOKEN,
                    ConfiguredCallers.DEVELOPMENT_CALLER.user().id(),
                    ConfiguredCallers.DEVELOPMENT_CALLER.grants().keySet().mkString(", "));
        }
        LOG.info("demanager is listening on http://{}:{}", configuration.host(), port);
    }

    private PostgresDatabase database(Configuration configuration) {
        if (configuration.externalDatabase().isDefined()) {
            var settings = configuration.externalDatabase().get();
            try {
                return startedHere(PostgresDatabase.connect(settings));
            } catch (RuntimeException unreachable) {
                throw new StartFailure("DEMANAGER_DB_URL: cannot connect to the database as " + settings.user() + ": "
                        + rootMessage(unreachable), unreachable);
            }
        }
        Path files = configuration.dataDirectory().resolve(EMBEDDED_DATA);
        try {
            Files.createDirectories(files);
            EmbeddedDatabase embedded = startedHere(EmbeddedDatabase.startPersistent(files,
                    configuration.dataDirectory().resolve(EMBEDDED_DATA_PASSWORD)));
            return startedHere(PostgresDatabase.connect(embedded.settings()));
        } catch (IOException | RuntimeException failure) {
            throw new StartFailure("DEMANAGER_DATA_DIR: the embedded PostgreSQL cannot run in " + files.toAbsolutePath() + ": "
                    + rootMessage(failure), failure);
        }
    }

    private static SecretKey credentialKey(Configuration configuration) {
        try {
            return configuration.credentialKey().getOrElse(() -> CredentialKeyFile.loadOrCreate(configuration.dataDirectory()));
        } catch (UncheckedIOException | IllegalArgumentException unusable) {
            throw new StartFailure("DEMANAGER_DATA_DIR: no usable credential key in "
                    + configuration.dataDirectory().resolve(CredentialKeyFile.NAME).toAbsolutePath() + ": " + rootMessage(unusable)
                    + " (or give one in DEMANAGER_CREDENTIAL_KEY)", unusable);
        }
    }

    private void listen(Javalin api, Configuration configuration) {
        try {
            api.start(configuration.host(), configuration.port());
        } catch (RuntimeException cannotListen) {
            throw new StartFailure("DEMANAGER_PORT: cannot listen on " + configuration.host() + ":" + configuration.port() + ": "
                    + rootMessage(cannotListen), cannotListen);
        }
        started.push(api::stop);
        port = api.port();
    }

    private <T extends AutoCloseable> T startedHere(T part) {
        started.push(part);
        return part;
    }

    /** Stops everything that was started, the last first; a part that fails to stop does not keep the others running. */
    @Override
    public void close() {
        if (started.isEmpty()) {
            return;
        }
        LOG.info("Stopping demanager");
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception failure) {
                LOG.error("A part of the server did not stop cleanly", failure);
            }
        }
        LOG.info("demanager has stopped");
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
