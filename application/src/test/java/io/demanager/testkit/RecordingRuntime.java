package io.demanager.testkit;

import io.demanager.application.port.out.NotebookRuntime;
import io.demanager.domain.instance.Instance;
import io.demanager.domain.instance.InstanceId;
import io.demanager.domain.instance.InstanceStatus;
import io.vavr.collection.List;

import java.util.concurrent.CopyOnWriteArrayList;

/** Does nothing but remember what it was asked, in order; an access token names the instance it opens. */
public final class RecordingRuntime implements NotebookRuntime {

    public enum Operation { CREATE, START, STOP, RESTART, DELETE, ACCESS_TOKEN }

    /** One request: what was asked, of which instance, and the status that instance had when asked. */
    public record Call(Operation operation, InstanceId instanceId, InstanceStatus status) {
    }

    private final java.util.List<Call> calls = new CopyOnWriteArrayList<>();

    public List<Call> calls() {
        return List.ofAll(calls);
    }

    public static String tokenFor(InstanceId instanceId) {
        return "token-" + instanceId.value();
    }

    @Override
    public void create(Instance instance) {
        record(Operation.CREATE, instance);
    }

    @Override
    public void start(Instance instance) {
        record(Operation.START, instance);
    }

    @Override
    public void stop(Instance instance) {
        record(Operation.STOP, instance);
    }

    @Override
    public void restart(Instance instance) {
        record(Operation.RESTART, instance);
    }

    @Override
    public void delete(Instance instance) {
        record(Operation.DELETE, instance);
    }

    @Override
    public String accessToken(Instance instance) {
        record(Operation.ACCESS_TOKEN, instance);
        return tokenFor(instance.id());
    }

    private void record(Operation operation, Instance instance) {
        calls.add(new Call(operation, instance.id(), instance.status()));
    }
}
