package io.demanager.testkit;

import io.demanager.application.port.out.DesiredState;
import io.demanager.application.port.out.NotebookRuntime;
import io.demanager.domain.idle.NotebookActivity;
import io.demanager.domain.instance.Instance;
import io.demanager.domain.instance.InstanceId;
import io.demanager.domain.instance.InstanceStatus;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Set;
import io.vavr.control.Option;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Does nothing but remember what it was asked, in order; it knows of no activity but what it is told
 * ({@link #reportsActivity}).
 */
public final class RecordingRuntime implements NotebookRuntime {

    /** One request: the state asked for, of which instance, and the status that instance had when asked. */
    public record Call(DesiredState desired, InstanceId instanceId, InstanceStatus status) {
    }

    private final java.util.List<Call> calls = new CopyOnWriteArrayList<>();
    private final java.util.List<InstanceId> discarded = new CopyOnWriteArrayList<>();
    private final Map<InstanceId, NotebookActivity> activities = new ConcurrentHashMap<>();
    private volatile Set<InstanceId> held = HashSet.empty();
    private final boolean notebooksOutliveTheServer;

    public RecordingRuntime() {
        this(true);
    }

    /** @param notebooksOutliveTheServer what {@link #notebooksOutliveTheServer()} answers */
    public RecordingRuntime(boolean notebooksOutliveTheServer) {
        this.notebooksOutliveTheServer = notebooksOutliveTheServer;
    }

    public List<Call> calls() {
        return List.ofAll(calls);
    }

    /** The instances it was asked to discard, in order. */
    public List<InstanceId> discarded() {
        return List.ofAll(discarded);
    }

    /** From now on, {@link #held()} answers {@code instances}. */
    public void holds(Set<InstanceId> instances) {
        held = instances;
    }

    @Override
    public Set<InstanceId> held() {
        return held;
    }

    @Override
    public void discard(InstanceId instanceId) {
        discarded.add(instanceId);
    }

    @Override
    public void ensure(Instance instance, DesiredState desired) {
        calls.add(new Call(desired, instance.id(), instance.status()));
    }

    /** From now on, {@link #activity} of the instance answers {@code activity}. */
    public void reportsActivity(InstanceId instanceId, NotebookActivity activity) {
        activities.put(instanceId, activity);
    }

    /** From now on, the instance's activity cannot be read. */
    public void losesActivity(InstanceId instanceId) {
        activities.remove(instanceId);
    }

    @Override
    public Option<NotebookActivity> activity(Instance instance) {
        return Option.of(activities.get(instance.id()));
    }

    @Override
    public boolean notebooksOutliveTheServer() {
        return notebooksOutliveTheServer;
    }
}
