package io.demanager.bootstrap;

import io.demanager.application.port.out.ActiveInstances;
import io.demanager.application.port.out.AutoStopMetrics;
import io.demanager.application.port.out.Catalog;
import io.demanager.application.port.out.DueLeases;
import io.demanager.application.port.out.InstanceEvents;
import io.demanager.application.port.out.InstanceStore;
import io.demanager.application.port.out.InstancesInStatus;
import io.demanager.application.port.out.LeaseChanges;
import io.demanager.application.port.out.QueuedInstances;
import io.demanager.bootstrap.autostop.AutoStopEngineSettings;
import io.demanager.bootstrap.runtime.SimulatedRuntimeSettings;
import io.demanager.domain.autostop.AutoStopPolicy;
import io.demanager.domain.autostop.LeaseRenewalPolicy;

import java.time.Clock;
import java.util.Random;

/**
 * The server's {@link Engine} as the tests build it: free flavors run one instance at a time, and the simulated
 * runtime's failures follow a fixed seed. Several over one database are several servers.
 */
public final class Engines {

    private Engines() {
    }

    public static <S extends InstanceStore & ActiveInstances & InstanceEvents & DueLeases & QueuedInstances & InstancesInStatus
            & LeaseChanges>
    Engine engine(S store, Catalog catalog, AutoStopPolicy policy, SimulatedRuntimeSettings runtime,
                  AutoStopEngineSettings autoStop, AutoStopMetrics metrics) {
        return new Engine(store, catalog, new Engine.Settings(policy, 1, runtime, autoStop, LeaseRenewalPolicy.DEFAULT), metrics, new Random(7), Clock.systemUTC());
    }
}
