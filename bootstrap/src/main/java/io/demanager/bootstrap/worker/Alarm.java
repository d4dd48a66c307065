package io.demanager.bootstrap.worker;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * What a background worker waits on between its rounds: a pause that ends early when news comes ({@link #ring()}) or
 * the worker closes ({@link #close()}). News that comes while a round runs is kept, so the pause after that round ends
 * at once and the next round reads what the news was about. Safe from any thread.
 */
public final class Alarm {

    private final Object lock = new Object();
    private boolean rung;
    private volatile boolean closed;

    /** News: the pause in progress, or the next one, ends at once. Returns at once. */
    public void ring() {
        synchronized (lock) {
            rung = true;
            lock.notifyAll();
        }
    }

    /** A round begins: it reads the state that earlier news was about, so that news is heard. */
    public void roundBegins() {
        synchronized (lock) {
            rung = false;
        }
    }

    /** No more rounds: the pause in progress ends, and every later one too. */
    public void close() {
        closed = true;
        ring();
    }

    public boolean closed() {
        return closed;
    }

    /** Waits for {@code pause} at the most, less when news comes or the alarm closes; an interrupt closes it. */
    public void pause(Duration pause) {
        long deadline = System.nanoTime() + pause.toNanos();
        synchronized (lock) {
            try {
                for (long left = pause.toNanos(); !rung && !closed && left > 0; left = deadline - System.nanoTime()) {
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                }
            } catch (InterruptedException interrupted) {
                closed = true;
            }
        }
    }
}
