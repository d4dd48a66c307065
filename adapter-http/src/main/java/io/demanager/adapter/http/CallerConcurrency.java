package io.demanager.adapter.http;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * How many requests each caller has running, bounded: one caller cannot take every worker of the server from the
 * others. A caller without a request running takes no memory.
 */
final class CallerConcurrency {

    private final int limit;
    private final ConcurrentMap<String, Integer> running = new ConcurrentHashMap<>();

    CallerConcurrency(int limit) {
        this.limit = limit;
    }

    /** Counts one more request of {@code caller}, unless it already has the limit running: then false. */
    boolean tryEnter(String caller) {
        boolean[] entered = {false};
        running.compute(caller, (key, count) -> {
            int current = count == null ? 0 : count;
            if (current >= limit) {
                return count;
            }
            entered[0] = true;
            return current + 1;
        });
        return entered[0];
    }

    /** One request of {@code caller} that {@link #tryEnter} counted has ended. */
    void leave(String caller) {
        running.computeIfPresent(caller, (key, count) -> count == 1 ? null : count - 1);
    }
}
