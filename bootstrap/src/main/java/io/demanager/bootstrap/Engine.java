package io.demanager.bootstrap;

import io.demanager.adapter.http.InstanceUseCases;
import io.demanager.application.port.out.ActiveInstances;
import io.demanager.application.port.out.AutoStopMetrics;
import io.demanager.application.port.out.Catalog;
import io.demanager.application.port.out.DueLeases;
import io.demanager.application.port.out.InstanceEvents;
import io.demanager.application.port.out.InstanceStore;
import io.demanager.application.port.out.InstancesInStatus;
import io.demanager.application.port.out.LeaseChanges;
import io.demanager.application.port.out.QueuedInstances;
import io.demanager.application.service.CreateInstanceService;
import io.demanager.application.service.DeleteInstanceService;
import io.demanager.application.service.FreeFlavorCapacity;
import io.demanager.application.service.GetAccessTokenService;
import io.demanager.application.service.GetInstanceService;
import io.demanager.application.service.ListInstanceEventsService;
import io.demanager.application.service.ListInstancesService;
import io.demanager.application.service.ManageInstanceService;
import io.demanager.application.service.ModifyInstanceService;
import io.demanager.application.service.RecordRuntimeProgressService;
import io.demanager.application.service.RenewLeaseService;
import io.demanager.application.service.ResumeRuntimeWorkService;
import io.demanager.application.service.StopExpiredLeasesService;
import io.demanager.application.service.WarnEndingLeasesService;
import io.demanager.bootstrap.autostop.AutoStopEngineSettings;
import io.demanager.bootstrap.autostop.AutoStopWorker;
import io.demanager.bootstrap.runtime.SimulatedNotebookRuntime;
import io.demanager.bootstrap.runtime.SimulatedRuntimeSettings;
import io.demanager.domain.autostop.AutoStopPolicy;
import io.demanager.domain.autostop.LeaseRenewalPolicy;
import io.demanager.domain.instance.InstanceId;

import java.time.Clock;
import java.util.Objects;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * The application over one store, wired by hand: every use case, the simulated runtime that reports progress to
 * them, and the auto-stop worker, woken by the store's lease changes. The server runs one; several over one database behave as replicas.
 */
public final class Engine implements AutoCloseable {

    /**
     * @param freeFlavorCapacity how many instances of each free flavor may run at once
     */
    public record Settings(AutoStopPolicy autoStopPolicy, int freeFlavorCapacity, SimulatedRuntimeSettings runtime,
                           AutoStopEngineSettings autoStop, LeaseRenewalPolicy leaseRenewal) {

        public Settings {
            Objects.requireNonNull(autoStopPolicy, "autoStopPolicy");
            Objects.requireNonNull(leaseRenewal, "leaseRenewal");
            Objects.requireNonNull(runtime, "runtime");
            Objects.requireNonNull(autoStop, "autoStop");
        }
    }

    private final InstanceUseCases useCases;
    private final ResumeRuntimeWorkService resume;
    private final SimulatedNotebookRuntime runtime;
    private final AutoStopWorker worker;

    /**
     * @param store  offers every port the stores of this project offer
     * @param random decides which requests the simulated runtime fails; a seeded one makes a run repeatable
     */
    public <S extends InstanceStore & ActiveInstances & InstanceEvents & DueLeases & QueuedInstances & InstancesInStatus
            & LeaseChanges>
    Engine(S store, Catalog catalog, Settings settings, AutoStopMetrics metrics, RandomGenerator random, Clock clock) {
        var policy = settings.autoStopPolicy();
        var capacity = new FreeFlavorCapacity(store, settings.freeFlavorCapacity());
        runtime = new SimulatedNotebookRuntime(settings.runtime(), random);
        useCases = new InstanceUseCases(
                new CreateInstanceService(store, catalog, capacity, runtime, () -> new InstanceId(UUID.randomUUID()), policy, clock),
                new ListInstancesService(store, clock),
                new GetInstanceService(store, clock),
                new ModifyInstanceService(store, policy, clock),
                new DeleteInstanceService(store, runtime, clock),
                new ManageInstanceService(store, capacity, runtime, clock),
                new GetAccessTokenService(store, runtime),
                new ListInstanceEventsService(store, store),
                new RenewLeaseService(store, settings.leaseRenewal(), clock));
        runtime.reportTo(new RecordRuntimeProgressService(store, store, capacity, runtime, clock));
        resume = new ResumeRuntimeWorkService(store, store, store, catalog, capacity, runtime, clock);
        worker = new AutoStopWorker(new StopExpiredLeasesService(store, runtime, metrics),
                new WarnEndingLeasesService(store, settings.autoStop().warningBefore()), settings.autoStop());
        wakeAutoStopOn(store);
    }

    /** The auto-stop worker plans again whenever {@code news} tells of a changed lease. */
    public void wakeAutoStopOn(LeaseChanges news) {
        news.whenLeasesChange(worker::wake);
    }

    /** The use cases the HTTP API calls. */
    public InstanceUseCases useCases() {
        return useCases;
    }

    /** Asks the runtime again for the work lost with the last process, then starts the auto-stop worker. */
    public void start() {
        resumeRuntimeWork();
        worker.start();
    }

    /** Asks the runtime again for every instance that waits for it; answers how many there were. */
    public int resumeRuntimeWork() {
        return resume.resume();
    }

    /** Stops the auto-stop worker (its batch in progress is finished first), then drops the runtime's work in flight. */
    @Override
    public void close() {
        worker.close();
        runtime.close();
    }
}
