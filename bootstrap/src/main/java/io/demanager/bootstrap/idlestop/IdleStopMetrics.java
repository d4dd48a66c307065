package io.demanager.bootstrap.idlestop;

import io.demanager.application.port.in.StopIdleInstancesUseCase.IdleRound;
import io.vavr.control.Option;

import java.time.Duration;

/** Where the idle-stop engine reports each of its looks, for the server's metrics. */
@FunctionalInterface
public interface IdleStopMetrics {

    /** A look ended after {@code took}: what it did, or none when it failed. */
    void looked(Option<IdleRound> done, Duration took);
}
