package io.demanager.bootstrap;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting for background work (a worker's round, a runtime's report) to show; it fails only if that never happens. */
public final class Eventually {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(20);

    private Eventually() {
    }

    public static void waitUntil(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up after " + PATIENCE + " waiting until " + what);
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
