package io.demanager.application.port.in;

/**
 * The idle-stop engine's work: a look at every running instance whose idle stop is enabled, reading what its notebook
 * does from the runtime; each one whose warning is due gets an
 * {@link io.demanager.domain.instance.TransitionCause#IDLE_ENDING} event, and each one whose stop is due is stopped with
 * cause {@link io.demanager.domain.instance.TransitionCause#IDLE}, through the same transition as a user's stop. Any
 * number of engines may look at once: each warning and each stop is written only over the state it was judged on, so
 * an instance is warned once per idle spell and stopped once.
 */
public interface StopIdleInstancesUseCase {

    /** Look at every candidate, {@code pageSize} read at a time, and answer what was done. */
    IdleRound checkIdleInstances(int pageSize);

    /** What one look did: how many instances it judged, warned and stopped. */
    record IdleRound(int judged, int warned, int stopped) {
    }
}
