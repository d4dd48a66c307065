package io.demanager.application.service;

import io.demanager.application.port.in.StopExpiredLeasesUseCase;
import io.demanager.application.port.out.AutoStopMetrics;
import io.demanager.application.port.out.DueLeases;
import io.demanager.application.port.out.NotebookRuntime;
import io.demanager.application.port.out.StatusChangePublisher;
import io.demanager.application.port.out.StatusChangePublisher.StatusChanged;
import io.demanager.domain.instance.InstanceStatus;
import io.demanager.domain.instance.LifecycleEvent;
import io.demanager.domain.instance.TransitionCause;
import io.vavr.control.Option;
import io.demanager.domain.instance.Instance;

/**
 * The auto-stop engine's rule: the store claims a batch of due leases and stops each through
 * {@link Instance#stopForExpiredLease}, the same transition as a user's stop, in one transaction; then the runtime
 * is asked to stop each, and the metrics and the status-change publisher hear of each stop and how late it came.
 */
public final class StopExpiredLeasesService implements StopExpiredLeasesUseCase {

    private final DueLeases dueLeases;
    private final NotebookRuntime runtime;
    private final AutoStopMetrics metrics;
    private final StatusChangePublisher statusChanges;

    public StopExpiredLeasesService(DueLeases dueLeases, NotebookRuntime runtime, AutoStopMetrics metrics,
                                    StatusChangePublisher statusChanges) {
        this.dueLeases = dueLeases;
        this.runtime = runtime;
        this.metrics = metrics;
        this.statusChanges = statusChanges;
    }

    @Override
    public int stopExpiredLeases(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("a batch holds at least one lease");
        }
        var stopped = dueLeases.stopDue(batchSize, Instance::stopForExpiredLease);
        stopped.forEach(autoStopped -> {
            RuntimeWork.askFor(runtime, autoStopped.stopped());
            metrics.autoStopped(autoStopped.lateness());
            LifecycleEvent.ofWrite(Option.some(InstanceStatus.RUNNING), autoStopped.stopped(), TransitionCause.AUTO_STOP)
                    .forEach(event -> statusChanges.publish(new StatusChanged(autoStopped.stopped().projectId(), event,
                            Option.some(autoStopped.lateness()))));
        });
        return stopped.size();
    }
}
