package io.demanager.archfixture.partcycle.application.port.in;

import io.demanager.archfixture.partcycle.application.port.out.NotebookRuntime;

/** With {@link NotebookRuntime}, a cycle between the driving and the driven ports. */
public interface StartUseCase {

    void start(NotebookRuntime runtime);
}
