package io.demanager.application.service;

import io.demanager.application.port.in.ResumeRuntimeWorkUseCase;
import io.demanager.application.port.out.Catalog;
import io.demanager.application.port.out.DesiredState;
import io.demanager.application.port.out.InstanceStore;
import io.demanager.application.port.out.InstancesInStatus;
import io.demanager.application.port.out.NotebookRuntime;
import io.demanager.application.port.out.StatusChangePublisher;
import io.demanager.domain.catalog.Flavor;
import io.demanager.domain.instance.Instance;
import io.demanager.domain.instance.InstanceStatus;
import io.demanager.domain.instance.RuntimeEvent;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Set;
import io.vavr.control.Option;

import java.time.Clock;
import java.util.function.Consumer;

/**
 * Runtime requests are asynchronous, and the work in flight is lost with the process that was doing it. So at
 * start every instance that waits for the runtime is asked for again; a runtime that gets a request twice reports
 * twice, and the second report is refused harmlessly (6357). Every RUNNING instance is asked to keep running, when
 * the runtime's notebooks outlive the server (reading them all is not free). What the runtime holds of instances the
 * store no longer has (deleted while no server ran, or before the runtime removed them) is discarded. Then
 * each free flavor's queue takes the room it has.
 */
public final class ResumeRuntimeWorkService implements ResumeRuntimeWorkUseCase {

    static final Set<InstanceStatus> WAITING_FOR_THE_RUNTIME = HashSet.of(InstanceStatus.CREATING, InstanceStatus.STARTING,
            InstanceStatus.RESTARTING, InstanceStatus.STOPPING, InstanceStatus.READY_TO_START);

    /**
     * A notebook outlives the server that started it: the runtime is told to keep each RUNNING one running, so that
     * it finds it again, or reports that it is gone.
     */
    static final Set<InstanceStatus> KEPT_RUNNING = HashSet.of(InstanceStatus.RUNNING);

    private static final int PAGE_SIZE = 500;

    private final InstancesInStatus instances;
    private final Catalog catalog;
    private final NotebookRuntime runtime;
    private final RuntimeProgress progress;

    public ResumeRuntimeWorkService(InstancesInStatus instances, InstanceStore store, Catalog catalog,
                                    FreeFlavorCapacity freeCapacity, NotebookRuntime runtime, Clock clock,
                                    StatusChangePublisher statusChanges) {
        this.instances = instances;
        this.catalog = catalog;
        this.runtime = runtime;
        this.progress = new RuntimeProgress(store, freeCapacity, runtime, clock, statusChanges);
    }

    @Override
    public int resume() {
        int resumed = forEachIn(WAITING_FOR_THE_RUNTIME, this::askAgain);
        if (runtime.notebooksOutliveTheServer()) {
            forEachIn(KEPT_RUNNING, running -> runtime.ensure(running, DesiredState.RUNNING));
        }
        discardWhatIsNoLongerStored();
        catalog.flavors().filter(Flavor::isFree).forEach(progress::admitQueued);
        return resumed;
    }

    /**
     * A deleted instance never comes back, so what is held of one can go even while other servers work: an instance
     * is stored before any runtime holds anything of it.
     */
    private void discardWhatIsNoLongerStored() {
        runtime.held().grouped(PAGE_SIZE).forEach(held -> held.removeAll(instances.liveAmong(held)).forEach(runtime::discard));
    }

    private int forEachIn(Set<InstanceStatus> statuses, Consumer<Instance> action) {
        int count = 0;
        Option<Instance> last = Option.none();
        List<Instance> page;
        do {
            page = instances.inStatus(statuses, last.map(Instance::id), PAGE_SIZE);
            page.forEach(action);
            count += page.size();
            last = page.lastOption();
        } while (page.size() == PAGE_SIZE);
        return count;
    }

    private void askAgain(Instance waiting) {
        switch (waiting.status()) {
            case CREATING, STARTING, RESTARTING, STOPPING -> RuntimeWork.askFor(runtime, waiting);
            // Admitted from its queue, but the launch that follows was lost: launch it now.
            case READY_TO_START -> progress.record(waiting, new RuntimeEvent.StartLaunched());
            default -> throw new IllegalStateException("not waiting for the runtime: " + waiting.status());
        }
    }
}
