package io.demanager.application.service;

import io.demanager.application.port.in.StopExpiredLeasesUseCase;
import io.demanager.application.port.out.AutoStopMetrics;
import io.demanager.application.port.out.DueLeases;
import io.demanager.application.port.out.NotebookRuntime;
import io.demanager.domain.instance.Instance;
import io.vavr.control.Option;

import java.time.Duration;

/**
 * The auto-stop engine's rule: the store claims a batch of due leases and stops each through
 * {@link Instance#stopForExpiredLease}, the same transition as a user's stop, in one transaction; then the runtime
 * is asked to stop each, and the metrics hear of each stop and how late it came.
 */
public final class StopExpiredLeasesService implements StopExpiredLeasesUseCase {

    private final DueLeases dueLeases;
    private final NotebookRuntime runtime;
    private final AutoStopMetrics metrics;

    public StopExpiredLeasesService(DueLeases dueLeases, NotebookRuntime runtime, AutoStopMetrics metrics) {
        this.dueLeases = dueLeases;
        this.runtime = runtime;
        this.metrics = metrics;
    }

    @Override
    public int stopExpiredLeases(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("a batch holds at least one lease");
        }
        var stopped = dueLeases.stopDue(batchSize, Instance::stopForExpiredLease);
        stopped.forEach(autoStopped -> {
            runtime.stop(autoStopped.stopped());
            metrics.autoStopped(autoStopped.lateness());
        });
        return stopped.size();
    }

    @Override
    public Option<Duration> untilNextLeaseEnd() {
        return dueLeases.untilNextLeaseEnd();
    }
}
