package io.demanager.bootstrap;

import io.demanager.application.port.out.ActiveInstances;
import io.demanager.application.port.out.AutoStopMetrics;
import io.demanager.application.port.out.Catalog;
import io.demanager.application.port.out.DueLeases;
import io.demanager.application.port.out.InstanceEvents;
import io.demanager.application.port.out.InstanceStore;
import io.demanager.application.port.out.InstancesInStatus;
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
import io.demanager.application.service.ResumeRuntimeWorkService;
import io.demanager.application.service.StopExpiredLeasesService;
import io.demanager.bootstrap.autostop.AutoStopEngineSettings;
import io.demanager.bootstrap.autostop.AutoStopWorker;
import io.demanager.bootstrap.runtime.SimulatedNotebookRuntime;
import io.demanager.bootstrap.runtime.SimulatedRuntimeSettings;
import io.demanager.domain.autostop.AutoStopPolicy;
import io.demanager.domain.instance.InstanceId;

import java.time.Clock;
import java.util.Random;
import java.util.UUID;

/**
 * One server's worth of real parts over a store, as the server's own wiring would build them: every use case, a
 * simulated runtime that reports to them, and an auto-stop worker (not started). Several nodes over one database
 * are several servers.
 */
public final class EngineNode implements AutoCloseable {

    public final CreateInstanceService create;
    public final GetInstanceService get;
    public final ListInstancesService list;
    public final ModifyInstanceService modify;
    public final DeleteInstanceService delete;
    public final ManageInstanceService manage;
    public final GetAccessTokenService accessToken;
    public final ListInstanceEventsService events;
    public final RecordRuntimeProgressService progress;
    public final ResumeRuntimeWorkService resume;
    public final SimulatedNotebookRuntime runtime;
    public final AutoStopWorker worker;

    /** @param store offers every port the stores of this project offer */
    public <S extends InstanceStore & ActiveInstances & InstanceEvents & DueLeases & QueuedInstances & InstancesInStatus>
    EngineNode(S store, Catalog catalog, AutoStopPolicy policy, SimulatedRuntimeSettings runtimeSettings,
                      AutoStopEngineSettings engineSettings, AutoStopMetrics metrics) {
        Clock clock = Clock.systemUTC();
        var capacity = new FreeFlavorCapacity(store, 1);
        runtime = new SimulatedNotebookRuntime(runtimeSettings, new Random(7));
        create = new CreateInstanceService(store, catalog, capacity, runtime, () -> new InstanceId(UUID.randomUUID()), policy, clock);
        get = new GetInstanceService(store, clock);
        list = new ListInstancesService(store, clock);
        modify = new ModifyInstanceService(store, policy, clock);
        delete = new DeleteInstanceService(store, runtime, clock);
        manage = new ManageInstanceService(store, capacity, runtime, clock);
        accessToken = new GetAccessTokenService(store, runtime);
        events = new ListInstanceEventsService(store, store);
        progress = new RecordRuntimeProgressService(store, store, capacity, runtime, clock);
        runtime.reportTo(progress);
        resume = new ResumeRuntimeWorkService(store, store, store, catalog, capacity, runtime, clock);
        worker = new AutoStopWorker(new StopExpiredLeasesService(store, runtime, metrics), engineSettings);
    }

    @Override
    public void close() {
        worker.close();
        runtime.close();
    }
}
