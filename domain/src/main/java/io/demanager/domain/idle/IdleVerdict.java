package io.demanager.domain.idle;

import io.vavr.collection.List;
import io.vavr.control.Option;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The idle-stop rule applied to one instance at one instant: whether and when it stops for idleness, and why.
 * <p>
 * A run is idle since its latest activity (a busy kernel is activity now; an idle kernel or a terminal counts by its
 * last activity), or since it began when nothing happened in it. It is due to stop once idle for its idle time, but
 * never before it has run the policy's minimum running time. It is warned once per idle spell, never before the spell
 * began, {@link IdleStopPolicy#warningBefore()} ahead of the stop; a warning given late moves the stop so that the
 * warning always comes that long before it. Activity after the warning ends the spell: the next one is warned anew.
 *
 * @param reason    why the instance stops when it does, or why it does not
 * @param idleSince the start of the idle spell, when the instance may stop
 * @param warnAt    when the warning is (or was) given, when the instance may stop
 * @param stopAt    when the instance stops, if nothing happens in it until then
 * @param warned    whether the warning of this idle spell was given
 */
public record IdleVerdict(Reason reason, Option<Instant> idleSince, Option<Instant> warnAt, Option<Instant> stopAt,
                          boolean warned) {

    /** Why an instance stops when it does, or why it does not. */
    public enum Reason {
        /** Idle stop is not enabled: it never stops for idleness. */
        DISABLED,
        /** Only a running instance stops for idleness. */
        NOT_RUNNING,
        /** The notebook's activity cannot be read: it is not stopped on a guess. */
        ACTIVITY_UNREADABLE,
        /** A kernel runs code: that is activity, now. */
        KERNEL_BUSY,
        /** Nothing happened since {@code idleSince}: it stops once idle for its idle time. */
        IDLE,
        /** Idle, but the run has not lasted the minimum running time: it stops when it has. */
        MINIMUM_RUNNING_TIME;

        public boolean stops() {
            return this == IDLE || this == MINIMUM_RUNNING_TIME;
        }
    }

    public IdleVerdict {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(idleSince, "idleSince");
        Objects.requireNonNull(warnAt, "warnAt");
        Objects.requireNonNull(stopAt, "stopAt");
        if (reason.stops() != (idleSince.isDefined() && warnAt.isDefined() && stopAt.isDefined())) {
            throw new IllegalArgumentException("an instance that stops has an idle spell, a warning and a stop time, and only one");
        }
    }

    public static IdleVerdict disabled() {
        return keeps(Reason.DISABLED);
    }

    public static IdleVerdict notRunning() {
        return keeps(Reason.NOT_RUNNING);
    }

    private static IdleVerdict keeps(Reason reason) {
        return new IdleVerdict(reason, Option.none(), Option.none(), Option.none(), false);
    }

    /**
     * The verdict on a run that began at {@code runningSince}, was last warned at {@code warnedAt} and whose notebook
     * is doing {@code activity} (none: it cannot be read), judged at {@code now}.
     */
    public static IdleVerdict of(Duration idleTime, Instant runningSince, Option<Instant> warnedAt, Option<NotebookActivity> activity,
                          IdleStopPolicy policy, Instant now) {
        if (activity.isEmpty()) {
            return keeps(Reason.ACTIVITY_UNREADABLE);
        }
        if (activity.get().isBusy()) {
            return keeps(Reason.KERNEL_BUSY);
        }
        Instant idleSince = latest(runningSince, activity.get().lastActivity());
        Instant idleEnough = idleSince.plus(idleTime);
        Instant ranEnough = runningSince.plus(policy.minimumRunning());
        Reason reason = ranEnough.isAfter(idleEnough) ? Reason.MINIMUM_RUNNING_TIME : Reason.IDLE;
        Instant due = latest(idleEnough, Option.some(ranEnough));
        Option<Instant> warningOfThisSpell = warnedAt.filter(at -> !at.isBefore(idleSince));
        Instant warnAt = warningOfThisSpell.getOrElse(() -> latest(idleSince, Option.some(due.minus(policy.warningBefore()))));
        Instant warningGivenBy = warningOfThisSpell.getOrElse(() -> latest(warnAt, Option.some(now)));
        Instant stopAt = latest(due, Option.some(warningGivenBy.plus(policy.warningBefore())));
        return new IdleVerdict(reason, Option.some(idleSince), Option.some(warnAt), Option.some(stopAt),
                warningOfThisSpell.isDefined());
    }

    /** Whether the warning of this idle spell is to be given at {@code now}. */
    public boolean warningDueAt(Instant now) {
        return !warned && warnAt.exists(at -> !now.isBefore(at));
    }

    /** Whether the instance is to be stopped for idleness at {@code now}: warned, and idle until its stop time. */
    public boolean stopDueAt(Instant now) {
        return warned && stopAt.exists(at -> !now.isBefore(at));
    }

    private static Instant latest(Instant first, Option<Instant> others) {
        return List.of(first).appendAll(others).max().get();
    }
}
