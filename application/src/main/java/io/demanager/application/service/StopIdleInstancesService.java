package io.demanager.application.service;

import io.demanager.application.port.in.StopIdleInstancesUseCase;
import io.demanager.application.port.out.InstanceStore;
import io.demanager.application.port.out.InstancesInStatus;
import io.demanager.application.port.out.NotebookRuntime;
import io.demanager.application.port.out.StatusChangePublisher;
import io.demanager.domain.idle.IdleStopPolicy;
import io.demanager.domain.idle.IdleVerdict;
import io.demanager.domain.instance.Instance;
import io.demanager.domain.instance.InstanceId;
import io.demanager.domain.instance.InstanceStatus;
import io.demanager.domain.instance.TransitionCause;
import io.vavr.collection.List;
import io.vavr.control.Option;

import java.time.Clock;
import java.time.Instant;

/**
 * The idle-stop engine's rule: each candidate's activity is read from the runtime, then judged by
 * {@link Instance#idleVerdict}; a due warning or stop is written over the version judged, so that when another engine
 * or the user wrote first, it is dropped (the next look judges the new state). A stop is then asked of the runtime and
 * published with its cause, as every stop is.
 */
public final class StopIdleInstancesService implements StopIdleInstancesUseCase {

    private enum Outcome { NOTHING, WARNED, STOPPED }

    private final InstancesInStatus candidates;
    private final InstanceStore store;
    private final NotebookRuntime runtime;
    private final StatusChangePublisher statusChanges;
    private final IdleStopPolicy policy;
    private final Clock clock;

    public StopIdleInstancesService(InstancesInStatus candidates, InstanceStore store, NotebookRuntime runtime,
                                    StatusChangePublisher statusChanges, IdleStopPolicy policy, Clock clock) {
        this.candidates = candidates;
        this.store = store;
        this.runtime = runtime;
        this.statusChanges = statusChanges;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public IdleRound checkIdleInstances(int pageSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("a page holds at least one instance");
        }
        int judged = 0;
        int warned = 0;
        int stopped = 0;
        Option<InstanceId> after = Option.none();
        List<Instance> page;
        do {
            page = candidates.runningWithIdleStop(after, pageSize);
            for (Instance candidate : page) {
                Outcome outcome = judge(candidate);
                judged++;
                warned += outcome == Outcome.WARNED ? 1 : 0;
                stopped += outcome == Outcome.STOPPED ? 1 : 0;
            }
            after = page.lastOption().map(Instance::id);
        } while (page.size() == pageSize);
        return new IdleRound(judged, warned, stopped);
    }

    private Outcome judge(Instance running) {
        var activity = NotebookActivityReading.of(runtime, running);
        Instant now = clock.instant();
        IdleVerdict verdict = running.idleVerdict(activity, policy, now);
        if (verdict.stopDueAt(now)) {
            return running.stopForIdleness(verdict, now).toOption()
                    .flatMap(stopping -> store.update(stopping, TransitionCause.IDLE).toOption())
                    .peek(this::stopped)
                    .map(done -> Outcome.STOPPED)
                    .getOrElse(Outcome.NOTHING);
        }
        if (verdict.warningDueAt(now)) {
            return running.warnOfIdleStop(verdict, now).toOption()
                    .flatMap(warning -> store.update(warning, TransitionCause.IDLE_ENDING).toOption())
                    .peek(warned -> statusChanges.publishWrite(Option.some(InstanceStatus.RUNNING), warned,
                            TransitionCause.IDLE_ENDING))
                    .map(done -> Outcome.WARNED)
                    .getOrElse(Outcome.NOTHING);
        }
        return Outcome.NOTHING;
    }

    private void stopped(Instance stopping) {
        statusChanges.publishWrite(Option.some(InstanceStatus.RUNNING), stopping, TransitionCause.IDLE);
        RuntimeWork.askFor(runtime, stopping);
    }
}
