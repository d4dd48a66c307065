package io.demanager.application.port.out;

import io.demanager.domain.instance.Instance;

/**
 * The system that really runs notebooks. Requests are asynchronous: each returns at once, and the runtime
 * reports progress later through {@link io.demanager.application.port.in.RecordRuntimeProgressUseCase}.
 * The services call it only after the change that asked for the work is stored.
 */
public interface NotebookRuntime {

    void create(Instance instance);

    void start(Instance instance);

    void stop(Instance instance);

    void restart(Instance instance);

    void delete(Instance instance);

    /** A token that opens the running notebook. */
    String accessToken(Instance instance);
}
