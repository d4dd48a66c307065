package io.demanager.application.service;

import io.demanager.application.port.out.NotebookRuntime;
import io.demanager.domain.idle.NotebookActivity;
import io.demanager.domain.instance.Instance;
import io.demanager.domain.instance.InstanceStatus;
import io.vavr.control.Option;
import io.vavr.control.Try;

/**
 * Reading what a running instance's notebook does. A runtime that fails to read it (a notebook that answers nonsense,
 * a runtime that is down) has read nothing: idle stop never stops an instance whose activity it could not read.
 */
final class NotebookActivityReading {

    private NotebookActivityReading() {
    }

    static Option<NotebookActivity> of(NotebookRuntime runtime, Instance instance) {
        return instance.status() != InstanceStatus.RUNNING ? Option.none()
                : Try.of(() -> runtime.activity(instance)).getOrElse(Option.none());
    }
}
