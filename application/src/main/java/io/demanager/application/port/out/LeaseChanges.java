package io.demanager.application.port.out;

/**
 * News that a lease was set or changed (a run began, a lease was renewed, a warning was asked for), in this process or
 * in any other sharing the store, so that the auto-stop engine plans again instead of waiting for its next look.
 * A listener may be told more often than needed; a store that can lose news says so, and the engine looks anyway now
 * and then.
 */
public interface LeaseChanges {

    /** Call {@code listener} after each such change, from any thread; it must return at once. */
    void whenLeasesChange(Runnable listener);
}
