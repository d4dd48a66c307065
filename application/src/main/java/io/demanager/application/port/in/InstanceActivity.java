package io.demanager.application.port.in;

import io.demanager.domain.idle.IdleStopPolicy;
import io.demanager.domain.idle.IdleVerdict;
import io.demanager.domain.idle.NotebookActivity;
import io.demanager.domain.instance.Instance;
import io.vavr.control.Option;

import java.time.Instant;
import java.util.Objects;

/**
 * An instance's activity as the idle-stop rule judged it at {@code takenAt}.
 *
 * @param instance the instance as read: its idle-stop settings, when its run began and when it was last warned
 * @param activity what its notebook does; none when nothing runs for it or its activity cannot be read
 * @param policy   the operator's rule in force: minimum running time, warning time
 * @param verdict  when it would stop and why, or why it would not
 */
public record InstanceActivity(Instance instance, Instant takenAt, Option<NotebookActivity> activity, IdleStopPolicy policy,
                               IdleVerdict verdict) {

    public InstanceActivity {
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(takenAt, "takenAt");
        Objects.requireNonNull(activity, "activity");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(verdict, "verdict");
    }
}
