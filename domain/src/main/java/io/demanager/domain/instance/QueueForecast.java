package io.demanager.domain.instance;

import io.vavr.collection.List;
import io.vavr.control.Option;

import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;

/**
 * When the queue of a free flavor lets an instance in, as far as can be told now: each place frees when the lease
 * of the instance holding it ends (a place whose holder has no lease yet frees a whole run from now), and the
 * instance let into it holds it for a whole run, the flavor's mandatory auto stop. Users who stop early only make
 * the wait shorter.
 */
public final class QueueForecast {

    private QueueForecast() {
    }

    /**
     * The moment the instance at {@code rank} (1 for the oldest queued) gets a place; none if the flavor has no
     * places at all.
     *
     * @param placesFreeAt for each instance holding a place, the end of its lease, none if it has none
     * @param capacity     how many places the flavor has
     * @param run          how long a run of the flavor lasts
     */
    public static Option<Instant> admissionAt(List<Option<Instant>> placesFreeAt, long capacity, Duration run, long rank,
                                              Instant now) {
        if (capacity <= 0 || rank < 1) {
            return Option.none();
        }
        PriorityQueue<Instant> frees = new PriorityQueue<>();
        placesFreeAt.forEach(end -> frees.add(end.map(at -> at.isBefore(now) ? now : at).getOrElse(now.plus(run))));
        // Holders beyond the capacity (it was lowered) leave without freeing a place; the earliest go first.
        for (long extra = frees.size() - capacity; extra > 0; extra--) {
            frees.poll();
        }
        for (long free = capacity - frees.size(); free > 0; free--) {
            frees.add(now);
        }
        Instant admitted = now;
        for (long ahead = 1; ahead <= rank; ahead++) {
            admitted = frees.poll();
            frees.add(admitted.plus(run));
        }
        return Option.some(admitted);
    }
}
