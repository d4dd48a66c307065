package io.demanager.adapter.runtime.simulated;

import io.demanager.adapter.runtime.NotebookRuntimeContract;
import io.demanager.application.port.out.NotebookRuntime;
import io.demanager.domain.instance.Instance;
import io.vavr.collection.HashSet;
import io.vavr.control.Option;

import java.time.Duration;
import java.util.Random;

/** The simulation keeps the contract's promises about reports; it runs no notebook to open, kill or watch. */
class SimulatedRuntimeContractTest extends NotebookRuntimeContract {

    private SimulatedNotebookRuntime runtime = reporting(0);
    private final SimulatedNotebookRuntime failing = reporting(1);

    @Override
    protected void closeRuntimes() {
        runtime.close();
        failing.close();
    }

    @Override
    protected NotebookRuntime runtime() {
        return runtime;
    }

    @Override
    protected NotebookRuntime rebuild() {
        runtime.close();
        runtime = reporting(0);
        return runtime;
    }

    @Override
    protected NotebookRuntime failingRuntime() {
        return failing;
    }

    @Override
    protected Option<String> runsNoRealNotebook() {
        return Option.some("the simulated runtime runs no notebook: nothing answers at its address, nothing can be killed or watched");
    }

    @Override
    protected void killFromOutside(Instance instance) {
        throw new UnsupportedOperationException("the simulated runtime runs no process");
    }

    @Override
    protected boolean leavesTraces(Instance instance) {
        return false;
    }

    private SimulatedNotebookRuntime reporting(double failureRate) {
        var simulated = new SimulatedNotebookRuntime(new SimulatedRuntimeSettings(Duration.ofMillis(10), failureRate, HashSet.empty()),
                new Random(7));
        simulated.reportTo(reports);
        return simulated;
    }
}
