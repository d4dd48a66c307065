package io.demanager.application.port.out;

import io.demanager.domain.idle.NotebookActivity;
import io.demanager.domain.instance.Instance;
import io.demanager.domain.instance.InstanceId;
import io.vavr.collection.HashSet;
import io.vavr.collection.Set;
import io.vavr.control.Option;

/**
 * The system that really runs notebooks. The application says what it wants of an instance's notebook
 * ({@link #ensure}); the runtime works towards it on its own time and reports what it observes through
 * {@link io.demanager.application.port.in.RecordRuntimeProgressUseCase}: {@code Created} or {@code Started} with how
 * to open the notebook, {@code CreateFailed} or {@code StartFailed} with the reason, {@code Stopped}, and
 * {@code Faulted} when a running notebook dies by itself. The services call it only after the change that asked for
 * the work is stored; asking twice for the same state is harmless.
 */
public interface NotebookRuntime {

    /** Work towards {@code desired} for {@code instance}; returns at once. */
    void ensure(Instance instance, DesiredState desired);

    /** What the instance's notebook is doing now, read from the notebook; none when nothing runs for it. */
    Option<NotebookActivity> activity(Instance instance);

    /**
     * Whether a notebook outlives the server that started it, so that a server that starts must find each RUNNING
     * instance's notebook again ({@link #ensure} with {@link DesiredState#RUNNING}). A runtime whose running notebooks
     * need nothing of a new server answers false, and is not asked about them at all.
     */
    default boolean notebooksOutliveTheServer() {
        return true;
    }

    /**
     * The instances this runtime holds anything of (a notebook, its files), so that a server that starts can remove
     * what is left of instances deleted while no server ran ({@link #discard}). A runtime that holds nothing of its
     * own answers none.
     */
    default Set<InstanceId> held() {
        return HashSet.empty();
    }

    /**
     * Removes everything held for an instance the store no longer has, as {@link DesiredState#GONE} would, and
     * reports nothing; returns at once.
     */
    default void discard(InstanceId instanceId) {
    }
}
