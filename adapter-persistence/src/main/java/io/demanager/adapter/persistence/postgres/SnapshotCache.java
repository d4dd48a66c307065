package io.demanager.adapter.persistence.postgres;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The parsed catalog snapshots (profiles and flavors) of the rows read so far. A snapshot never changes once written
 * and there are as few distinct ones as catalog entries, so each is parsed once instead of on every read of every
 * row. Past {@link #CAPACITY} distinct snapshots (a catalog that keeps changing) the cache starts afresh.
 */
final class SnapshotCache<T> {

    private static final int CAPACITY = 1_024;

    private final Map<String, T> parsed = new ConcurrentHashMap<>();

    T parsedOnce(String stored, Supplier<T> parse) {
        T known = parsed.get(stored);
        if (known != null) {
            return known;
        }
        if (parsed.size() >= CAPACITY) {
            parsed.clear();
        }
        T fresh = parse.get();
        parsed.put(stored, fresh);
        return fresh;
    }
}
