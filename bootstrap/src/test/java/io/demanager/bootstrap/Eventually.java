package io.demanager.bootstrap;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting for background work (a worker's round, a runtime's report) to show; it fails only if that never happens. */
public final class Eventually {

    static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(20);

    private Eventually() {
    }

    public static void waitUntil(String what, BooleanSupplier condition) {
        waitUntil(what, PATIENCE, condition);
    }

    /** The same, for work that takes longer, such as real processes starting on a busy machine. */
    public static void waitUntil(String what, Duration patience, BooleanSupplier condition) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up after " + patience + " waiting until " + what);
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting until " + what, e);
            }
        }
    }
}
