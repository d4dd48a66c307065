package io.demanager.adapter.runtime;

import io.demanager.application.port.in.InstanceRef;
import io.demanager.application.port.in.InstanceSnapshot;
import io.demanager.application.port.in.RecordRuntimeProgressUseCase;
import io.demanager.domain.error.DomainError;
import io.demanager.domain.instance.InstanceId;
import io.demanager.domain.instance.RuntimeEvent;
import io.vavr.control.Either;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** What a runtime reported, instance by instance, for a test to wait for; it records nothing anywhere. */
public final class ReportedProgress implements RecordRuntimeProgressUseCase {

    private final Map<InstanceId, BlockingQueue<RuntimeEvent>> reports = new ConcurrentHashMap<>();

    @Override
    public Either<DomainError, InstanceSnapshot> record(InstanceRef instance, RuntimeEvent event) {
        queueOf(instance.instanceId()).add(event);
        return Either.left(new DomainError.InstanceNotFound(instance.instanceId().value()));
    }

    /** The next report about {@code instance}, waiting up to {@code within} for it. */
    public RuntimeEvent next(InstanceId instance, Duration within) {
        try {
            RuntimeEvent event = queueOf(instance).poll(within.toMillis(), TimeUnit.MILLISECONDS);
            if (event == null) {
                throw new AssertionError("nothing was reported about " + instance.value() + " within " + within);
            }
            return event;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Whether nothing more was reported about {@code instance} in {@code during}. */
    public boolean nothingMore(InstanceId instance, Duration during) {
        try {
            return queueOf(instance).poll(during.toMillis(), TimeUnit.MILLISECONDS) == null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private BlockingQueue<RuntimeEvent> queueOf(InstanceId instance) {
        return reports.computeIfAbsent(instance, id -> new LinkedBlockingQueue<>());
    }
}
