package io.demanager.application.service;

import io.demanager.application.port.out.DesiredState;
import io.demanager.application.port.out.NotebookRuntime;
import io.demanager.domain.instance.Instance;

/** Telling the runtime what a stored change needs of the notebook; bookkeeping changes (queuing) need nothing. */
final class RuntimeWork {

    private RuntimeWork() {
    }

    static void askFor(NotebookRuntime runtime, Instance saved) {
        DesiredState.forStatus(saved.status()).forEach(desired -> runtime.ensure(saved, desired));
    }
}
