package io.demanager.archfixture.partcycle.application.port.out;

import io.demanager.archfixture.partcycle.application.port.in.StartUseCase;

public interface NotebookRuntime {

    void onStarted(StartUseCase startedBy);
}
