package io.demanager.application.port.out;

import java.time.Duration;

/** Where the auto-stop engine reports its work, for the server's metrics. */
public interface AutoStopMetrics {

    /** One instance was stopped for its lease, {@code lateness} after the lease ended. */
    void autoStopped(Duration lateness);
}
