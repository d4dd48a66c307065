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
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The news of every server sharing the database: the triggers of the {@code instance} table notify channel
 * {@value #LEASES} when a transaction sets or changes a lease, those of {@code instance_event} channel {@value #EVENTS}
 * when one writes events; this listens to both on a connection of its own, outside the pool. Whenever it (re)starts
 * listening it tells all its listeners too, since news may have been missed while it was not; a lost connection is
 * opened again after {@link #RECONNECT_PAUSE}.
 */
public final class StoreNotifications implements LeaseChanges, AutoCloseable {

    static final String LEASES = "demanager_lease_changed";
    static final String EVENTS = "demanager_event_written";

    /** How long one wait for notifications lasts; also how long {@link #close()} may wait for the thread. */
    private static final Duration WAIT = Duration.ofMillis(250);
    private static final Duration RECONNECT_PAUSE = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(StoreNotifications.class);

    private final PostgresDatabase database;
    private final List<Runnable> leaseListeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> eventListeners = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean closed;

    private StoreNotifications(PostgresDatabase database) {
        this.database = database;
        this.thread = new Thread(this::listen, "store-notifications");
        thread.setDaemon(true);
    }

    /** Starts listening at once. */
    public static StoreNotifications listen(PostgresDatabase database) {
        var notifications = new StoreNotifications(database);
        notifications.thread.start();
        return notifications;
    }

    @Override
    public void whenLeasesChange(Runnable listener) {
        leaseListeners.add(listener);
    }

    /** Call {@code listener} after a transaction wrote events; it must return at once. */
    public void whenEventsWritten(Runnable listener) {
        eventListeners.add(listener);
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
                    listen.execute("LISTEN " + LEASES);
                    listen.execute("LISTEN " + EVENTS);
                }
                tell(leaseListeners);
                tell(eventListeners);
                PGConnection notifying = connection.unwrap(PGConnection.class);
                while (!closed) {
                    PGNotification[] heard = notifying.getNotifications((int) WAIT.toMillis());
                    if (heard != null) {
                        tellOf(heard);
                    }
                }
            } catch (SQLException lost) {
                if (!closed) {
                    LOG.warn("Not listening to the database's news ({}); trying again in {}", lost.getMessage(), RECONNECT_PAUSE);
                    pause();
                }
            }
        }
    }

    private void tellOf(PGNotification[] heard) {
        if (Arrays.stream(heard).anyMatch(notification -> LEASES.equals(notification.getName()))) {
            tell(leaseListeners);
        }
        if (Arrays.stream(heard).anyMatch(notification -> EVENTS.equals(notification.getName()))) {
            tell(eventListeners);
        }
    }

    private static void tell(List<Runnable> listeners) {
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
