package io.demanager.adapter.persistence.postgres;

import io.demanager.domain.instance.InstanceId;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Writers of one row in this process (an instance's, or a free flavor's admissions') wait for their turn here, before
 * they take a connection: the row lock serialises them anyway, and a writer that waited for it holding a connection
 * would take the pool from every other request (a crowd on one row would starve the others). The locks are fair, so
 * turns come in order of arrival; rows share {@link #STRIPES} locks, so two rows rarely wait for each other.
 */
final class WriterTurns {

    private static final int STRIPES = 1024;

    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

    WriterTurns() {
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock(true);
        }
    }

    <T> T inTurn(InstanceId instanceId, Supplier<T> write) {
        return inTurn(instanceId.uuid().hashCode(), write);
    }

    <T> T inTurn(String freeFlavorName, Supplier<T> write) {
        return inTurn(freeFlavorName.hashCode(), write);
    }

    private <T> T inTurn(int rowHash, Supplier<T> write) {
        ReentrantLock lock = locks[Math.floorMod(rowHash, STRIPES)];
        lock.lock();
        try {
            return write.get();
        } finally {
            lock.unlock();
        }
    }
}
