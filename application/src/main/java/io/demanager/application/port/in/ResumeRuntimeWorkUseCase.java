package io.demanager.application.port.in;

/**
 * At start, the work the runtime was asked for before the server stopped is asked for again: nothing stays
 * CREATING, STARTING, RESTARTING, STOPPING or READY_TO_START for ever because a process died. Free flavors'
 * queues move on if they have room.
 */
public interface ResumeRuntimeWorkUseCase {

    /** Ask again for the work of every instance that was waiting for the runtime; answers how many there were. */
    int resume();
}
