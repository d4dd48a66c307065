package io.demanager.bootstrap;

import io.demanager.adapter.runtime.simulated.SimulatedRuntimeSettings;
import io.demanager.application.port.out.AutoStopMetrics;
import io.demanager.application.port.out.Catalog;
import io.demanager.application.port.out.Stores;
import io.demanager.bootstrap.autostop.AutoStopEngineSettings;
import io.demanager.bootstrap.config.RuntimeSelection;
import io.demanager.domain.autostop.AutoStopPolicy;
import io.demanager.domain.autostop.LeaseRenewalPolicy;

import java.time.Clock;
import java.util.Random;

/**
 * The server's {@link Assembly} as the tests build it: free flavors run one instance at a time, and the simulated
 * runtime's failures follow a fixed seed. Several over one database are several servers.
 */
public final class Assemblies {

    private Assemblies() {
    }

    public static Assembly assembly(Stores stores, Catalog catalog, AutoStopPolicy policy, SimulatedRuntimeSettings runtime,
                                    AutoStopEngineSettings autoStop, AutoStopMetrics metrics) {
        return new Assembly(stores, catalog, new Assembly.Settings(policy, 1, RuntimeSelection.simulated(runtime), autoStop,
                LeaseRenewalPolicy.DEFAULT), metrics, (done, took) -> { }, new Random(7),
                Clock.systemUTC());
    }
}
