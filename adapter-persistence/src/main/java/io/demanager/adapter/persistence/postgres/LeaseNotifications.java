package io.demanager.adapter.persistence.postgres;

import io.demanager.application.port.out.LeaseChanges;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The lease changes of every server sharing the database: the triggers of the {@code instance} table notify channel
 * {@value #CHANNEL} when a transaction sets or changes a lease, and this listens on a connection of its own, outside
 * the pool. Whenever it (re)starts listening it tells its listeners too, since news may have been missed while it was
 * not; a lost connection is opened again after {@link #RECONNECT_PAUSE}.
 */
public final class LeaseNotifications implements LeaseChanges, AutoCloseable {

    static final String CHANNEL = "demanager_lease_changed";

    /** How long one wait for notifications lasts; also how long {@link #close()} may wait for the thread. */
    private static final Duration WAIT = Duration.ofMillis(250);
    private static final Duration RECONNECT_PAUSE = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(LeaseNotifications.class);

    private final PostgresDatabase database;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean closed;

    private LeaseNotifications(PostgresDatabase database) {
        this.database = database;
        this.thread = new Thread(this::listen, "lease-notifications");
        thread.setDaemon(true);
    }

    /** Starts listening at once. */
    public static LeaseNotifications listen(PostgresDatabase database) {
        var notifications = new LeaseNotifications(database);
        notifications.thread.start();
        return notifications;
    }

    @Override
    public void whenLeasesChange(Runnable listener) {
        listeners.add(listener);
    }

    @Override
    public void close() {
        closed = true;
        try {
            thread.join(WAIT.multipliedBy(4).toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void listen() {
        while (!closed) {
            try (Connection connection = database.dedicatedConnection()) {
                try (Statement listen = connection.createStatement()) {
                    listen.execute("LISTEN " + CHANNEL);
                }
                tell();
                PGConnection notifying = connection.unwrap(PGConnection.class);
                while (!closed) {
                    PGNotification[] heard = notifying.getNotifications((int) WAIT.toMillis());
                    if (heard != null && heard.length > 0) {
                        tell();
                    }
                }
            } catch (SQLException lost) {
                if (!closed) {
                    LOG.warn("Not listening to lease changes ({}); trying again in {}", lost.getMessage(), RECONNECT_PAUSE);
                    pause();
                }
            }
        }
    }

    private void tell() {
        listeners.forEach(Runnable::run);
    }

    private void pause() {
        try {
            Thread.sleep(RECONNECT_PAUSE.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }
}
