package io.demanager.testkit;

import io.demanager.application.port.out.InstanceIds;
import io.demanager.domain.instance.InstanceId;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Ids 1, 2, 3... (as UUIDs), so that a test knows the id of what it creates. */
public final class SequentialInstanceIds implements InstanceIds {

    private final AtomicLong last = new AtomicLong();

    @Override
    public InstanceId next() {
        return idNumber(last.incrementAndGet());
    }

    /** The id this sequence gives the {@code n}th time it is asked. */
    public static InstanceId idNumber(long n) {
        return new InstanceId(new UUID(0, n));
    }
}
