package io.demanager.adapter.http.document;

import io.demanager.application.port.in.InstanceActivity;
import io.demanager.domain.idle.IdleStopPolicy;
import io.demanager.domain.idle.IdleVerdict;
import io.demanager.domain.idle.NotebookActivity;
import io.demanager.domain.instance.Instance;
import io.vavr.control.Option;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * An instance's activity and what idle stop makes of it, as the activity route answers it: each signal with its time,
 * the rule in force, and the decision with its reason in words. Times are epoch milliseconds, as {@code stop_timestamp}
 * is; a signal that cannot be read is left out, and {@code readable} says whether the notebook's activity was read.
 */
public record ActivityDocument(String instanceId, String status, long checkedAt, boolean readable, Long runningSince,
                               List<KernelView> kernels, List<TerminalView> terminals, Long lastActivity, RuleView rule,
                               DecisionView decision) {

    /**
     * {@code execution_state} is {@code busy} while the kernel runs code, or is not known to be idle (the notebook
     * still says it is starting); {@code idle} otherwise.
     */
    public record KernelView(String id, String executionState, long lastActivity) {
    }

    public record TerminalView(String name, Long lastActivity) {
    }

    /** The instance's settings and the operator's rule: minimum running time and warning time, in seconds. */
    public record RuleView(boolean enable, Long idleSeconds, long minimumRunningSeconds, long warningSeconds) {
    }

    /**
     * {@code will_stop} with {@code stop_timestamp} when the instance stops unless something happens in it; {@code reason}
     * names the rule's verdict and {@code message} says it in words.
     */
    public record DecisionView(boolean willStop, String reason, Long idleSince, Long warningTimestamp, Boolean warned,
                               Long stopTimestamp, String message) {
    }

    public static ActivityDocument of(InstanceActivity answer) {
        Instance instance = answer.instance();
        Option<NotebookActivity> activity = answer.activity();
        IdleStopPolicy policy = answer.policy();
        return new ActivityDocument(instance.id().value(), instance.status().name(), answer.takenAt().toEpochMilli(),
                activity.isDefined(), millis(instance.runningSince()),
                activity.map(read -> read.kernels().map(ActivityDocument::kernel).toJavaList()).getOrNull(),
                activity.map(read -> read.terminals().map(ActivityDocument::terminal).toJavaList()).getOrNull(),
                millis(activity.flatMap(NotebookActivity::lastActivity)),
                new RuleView(instance.idleStop().enabled(), instance.idleStop().idleTime().map(Duration::getSeconds).getOrNull(),
                        policy.minimumRunning().getSeconds(), policy.warningBefore().getSeconds()),
                decision(answer.verdict(), instance));
    }

    private static KernelView kernel(NotebookActivity.Kernel kernel) {
        return new KernelView(kernel.id(), kernel.busy() ? "busy" : "idle", kernel.lastActivity().toEpochMilli());
    }

    private static TerminalView terminal(NotebookActivity.Terminal terminal) {
        return new TerminalView(terminal.name(), millis(terminal.lastActivity()));
    }

    private static DecisionView decision(IdleVerdict verdict, Instance instance) {
        boolean stops = verdict.reason().stops();
        return new DecisionView(stops, verdict.reason().name(), millis(verdict.idleSince()), millis(verdict.warnAt()),
                stops ? verdict.warned() : null, millis(verdict.stopAt()), message(verdict, instance));
    }

    private static String message(IdleVerdict verdict, Instance instance) {
        return switch (verdict.reason()) {
            case DISABLED -> "Will not stop for idleness: idle stop is disabled.";
            case NOT_RUNNING -> "Will not stop for idleness: the instance is " + instance.status().name() + ", not RUNNING.";
            case ACTIVITY_UNREADABLE -> "Will not stop for idleness: the notebook's activity cannot be read now.";
            case KERNEL_BUSY -> "Will not stop for idleness: a kernel is running code.";
            case IDLE -> "Would stop at " + verdict.stopAt().get() + " because nothing happened since "
                    + verdict.idleSince().get() + " (idle for " + instance.idleStop().idleTime().get().getSeconds()
                    + " s)" + warning(verdict) + ".";
            case MINIMUM_RUNNING_TIME -> "Would stop at " + verdict.stopAt().get() + " because nothing happened since "
                    + verdict.idleSince().get() + ", not before the minimum running time since the run began at "
                    + instance.runningSince().get() + warning(verdict) + ".";
        };
    }

    private static String warning(IdleVerdict verdict) {
        return (verdict.warned() ? "; warned at " : "; to be warned at ") + verdict.warnAt().get();
    }

    private static Long millis(Option<Instant> instant) {
        return instant.map(Instant::toEpochMilli).getOrNull();
    }
}
