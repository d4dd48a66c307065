package io.demanager.bootstrap.worker;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * A worker's background thread: it runs a round, then pauses for as long as the round asks, less when news comes
 * ({@link #wake()}), until it is closed. Closing lets the round in progress finish for up to
 * {@link #GRACE}, then interrupts it.
 */
public final class RoundLoop implements AutoCloseable {

    /** How long {@link #close()} waits for the round in progress before it interrupts it. */
    public static final Duration GRACE = Duration.ofSeconds(30);

    private final Supplier<Duration> round;
    private final Thread thread;
    private final AtomicBoolean started = new AtomicBoolean();
    private final Alarm alarm = new Alarm();

    /**
     * @param name  the thread's name
     * @param round one round, answering how long to pause before the next one
     */
    public RoundLoop(String name, Supplier<Duration> round) {
        this.round = round;
        this.thread = new Thread(this::run, name);
        thread.setDaemon(true);
    }

    /** Runs the first round now, then the next ones; once. */
    public void start() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("the " + thread.getName() + " worker is already started");
        }
        thread.start();
    }

    /** News: the pause in progress, or the one after the round in progress, ends at once. Returns at once. */
    public void wake() {
        alarm.ring();
    }

    /** Whether the loop is closing: a round that works batch after batch stops after the one in progress. */
    public boolean closing() {
        return alarm.closed();
    }

    @Override
    public void close() {
        alarm.close();
        if (!started.get()) {
            return;
        }
        try {
            thread.join(GRACE.toMillis());
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join(GRACE.toMillis());
            }
        } catch (InterruptedException e) {
            thread.interrupt();
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        while (!alarm.closed()) {
            alarm.roundBegins();
            alarm.pause(round.get());
        }
    }
}
