package io.demanager.domain.instance;

import io.demanager.domain.autostop.AutoStopChange;
import io.demanager.domain.autostop.AutoStopLease;
import io.demanager.domain.autostop.AutoStopPolicy;
import io.demanager.domain.autostop.AutoStopSettings;
import io.demanager.domain.autostop.LeaseRenewalPolicy;
import io.demanager.domain.catalog.Flavor;
import io.demanager.domain.catalog.Profile;
import io.demanager.domain.error.DomainError;
import io.demanager.domain.error.InstanceAttribute;
import io.demanager.domain.idle.IdleStopChange;
import io.demanager.domain.idle.IdleStopPolicy;
import io.demanager.domain.idle.IdleStopSettings;
import io.demanager.domain.idle.IdleVerdict;
import io.demanager.domain.idle.NotebookActivity;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.time.Instant;
import java.util.Objects;

/**
 * A notebook instance: the aggregate every use case works on. It is immutable; each request or runtime
 * event answers with the next instance or with the documented error, and the caller stores the result.
 *
 * @param autoStop     the auto-stop configuration, valid for each startup
 * @param lease        the stop time of the current run: present only while RUNNING with auto stop enabled
 * @param failure      why the last creation or start failed, or why the instance became unavailable
 * @param queuedSince  when the instance joined a free flavor's queue, while it waits there
 * @param inactiveSince when the instance last became inactive (stopped, or failed), while it is
 *                      ({@link InstanceStatus#isInactive()}): its flavor's retention counts from then
 * @param access       how the running notebook is opened, as the runtime reported it: only while RUNNING
 * @param idleStop     whether and after how long without activity the instance stops by itself
 * @param runningSince when the current run began: exactly while RUNNING
 * @param idleWarnedAt when the current run was last warned of an idle stop
 * @param version      the stored version this instance was read at; the store bumps it on every write
 */
public record Instance(
        InstanceId id,
        ProjectId projectId,
        InstanceName name,
        Description description,
        InstanceStatus status,
        Instant createdAt,
        Instant updatedAt,
        Profile profile,
        Flavor flavor,
        Option<Pool> pool,
        NotebookSpec spec,
        AutoStopSettings autoStop,
        Option<AutoStopLease> lease,
        Option<FailedReason> failure,
        Option<Instant> queuedSince,
        Option<Instant> inactiveSince,
        Option<NotebookAccess> access,
        WorkspaceId workspaceId,
        AiProjectId aiProjectId,
        UserRef owner,
        IdleStopSettings idleStop,
        Option<Instant> runningSince,
        Option<Instant> idleWarnedAt,
        long version) {

    public static final WorkspaceId DEFAULT_WORKSPACE = new WorkspaceId("0");
    public static final AiProjectId DEFAULT_AI_PROJECT = new AiProjectId("default-ai-project");

    public Instance {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(flavor, "flavor");
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(autoStop, "autoStop");
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(queuedSince, "queuedSince");
        Objects.requireNonNull(inactiveSince, "inactiveSince");
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(aiProjectId, "aiProjectId");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(idleStop, "idleStop");
        Objects.requireNonNull(runningSince, "runningSince");
        Objects.requireNonNull(idleWarnedAt, "idleWarnedAt");
        if (lease.isDefined() && status != InstanceStatus.RUNNING) {
            throw new IllegalArgumentException("only a running instance has an auto-stop lease");
        }
        if (access.isDefined() && status != InstanceStatus.RUNNING) {
            throw new IllegalArgumentException("only a running instance has a notebook to open");
        }
        if (runningSince.isDefined() != (status == InstanceStatus.RUNNING)) {
            throw new IllegalArgumentException("an instance has a run exactly while it is RUNNING");
        }
        if (idleWarnedAt.isDefined() && status != InstanceStatus.RUNNING) {
            throw new IllegalArgumentException("only a running instance is warned of an idle stop");
        }
        if (queuedSince.isDefined() != status.isQueued()) {
            throw new IllegalArgumentException("an instance is queued exactly while its status is a queuing one");
        }
        if (inactiveSince.isDefined() != status.isInactive()) {
            throw new IllegalArgumentException("an instance is inactive since a time exactly while its status is an inactive one");
        }
        if (version < 0) {
            throw new IllegalArgumentException("versions are not negative");
        }
    }

    // ---- user requests -------------------------------------------------------------------------

    /**
     * Start the instance. A free flavor with no room left queues instead ({@code freeCapacityLeft}
     * is what the caller counted); other flavors ignore it.
     */
    public Either<DomainError, Instance> start(boolean freeCapacityLeft, Instant now) {
        return request(UserRequest.START, now)
                .map(started -> flavor.isFree() && !freeCapacityLeft ? started.moveTo(InstanceStatus.START_QUEUING, now) : started);
    }

    public Either<DomainError, Instance> stop(Instant now) {
        return request(UserRequest.STOP, now);
    }

    public Either<DomainError, Instance> restart(Instant now) {
        return request(UserRequest.RESTART, now);
    }

    /** Join the free flavor's queue; only free flavors have one. */
    public Either<DomainError, Instance> queue(Instant now) {
        return notDeleted().flatMap(Instance::onlyForFreeFlavors).flatMap(free -> free.request(UserRequest.QUEUE, now));
    }

    /** Leave the free flavor's queue. */
    public Either<DomainError, Instance> dequeue(Instant now) {
        return notDeleted().flatMap(Instance::onlyForFreeFlavors).flatMap(free -> free.request(UserRequest.DEQUEUE, now));
    }

    /** Delete the instance: it becomes DELETED, is gone for every later request, and keeps no secret. */
    public Either<DomainError, Instance> delete(Instant now) {
        return request(UserRequest.DELETE, now).map(Instance::withoutSecrets);
    }

    /** The auto-stop engine's stop: the same transition as a user's, allowed only once the lease is due. */
    public Either<DomainError, Instance> stopForExpiredLease(Instant now) {
        return notDeleted().flatMap(ignored -> isLeaseDueAt(now)
                ? stop(now)
                : Either.left(new DomainError.OperationNotAllowed(status.name(), "auto stop")));
    }

    /**
     * The retention engine's delete: the same transition as a user's, allowed only once the instance has been inactive
     * for longer than its flavor keeps it ({@link #isRetentionOverAt}).
     */
    public Either<DomainError, Instance> deleteForRetention(Instant now) {
        return notDeleted().flatMap(ignored -> isRetentionOverAt(now)
                ? delete(now)
                : Either.left(new DomainError.OperationNotAllowed(status.name(), "retention")));
    }

    /**
     * Make the current run end {@code seconds} from {@code now}, whether it had a lease or not. Only a RUNNING instance
     * has a run to renew (6327 otherwise); a duration out of the policy's bounds is 6349. The settings for the next
     * start stay as they are.
     */
    public Either<DomainError, Instance> renewLease(long seconds, LeaseRenewalPolicy policy, Instant now) {
        return policy.check(seconds).flatMap(duration -> notDeleted()
                .flatMap(ignored -> status == InstanceStatus.RUNNING ? Either.right(duration)
                        : Either.left(new DomainError.NotRunning()))
                .map(running -> new Instance(id, projectId, name, description, status, createdAt, now, profile, flavor,
                        pool, spec, autoStop, Option.some(new AutoStopLease(now.plus(running))), failure, queuedSince,
                        inactiveSince, access, workspaceId, aiProjectId, owner, idleStop, runningSince, idleWarnedAt,
                        version)));
    }

    /**
     * Change the description and the auto-stop settings; absent parts stay as they are. Allowed in every
     * status but DELETED. While RUNNING, the current lease is kept: new settings apply from the next start.
     */
    public Either<DomainError, Instance> modify(Option<Description> newDescription, AutoStopChange autoStopChange,
                                                AutoStopPolicy policy, Instant now) {
        return modify(newDescription, autoStopChange, policy, IdleStopChange.NONE, IdleStopPolicy.DEFAULT, now);
    }

    /**
     * The same, with a change of the idle-stop settings, which applies at once: a running instance is judged by the
     * new settings from its next look on, and warned again before it stops.
     */
    public Either<DomainError, Instance> modify(Option<Description> newDescription, AutoStopChange autoStopChange,
                                                AutoStopPolicy policy, IdleStopChange idleStopChange,
                                                IdleStopPolicy idlePolicy, Instant now) {
        return notDeleted()
                .flatMap(ignored -> autoStopChange.applyTo(autoStop, flavor, policy))
                .flatMap(settings -> idleStopChange.applyTo(idleStop, idlePolicy)
                        .map(idleSettings -> withChanges(newDescription.getOrElse(description), settings, idleSettings, now)));
    }

    // ---- idle stop -------------------------------------------------------------------------------

    /**
     * The idle-stop rule applied to this instance at {@code now}, its notebook doing {@code activity} (none: it cannot
     * be read).
     */
    public IdleVerdict idleVerdict(Option<NotebookActivity> activity, IdleStopPolicy policy, Instant now) {
        if (!idleStop.enabled()) {
            return IdleVerdict.disabled();
        }
        if (status != InstanceStatus.RUNNING) {
            return IdleVerdict.notRunning();
        }
        return IdleVerdict.of(idleStop.idleTime().get(), runningSince.get(), idleWarnedAt, activity, policy, now);
    }

    /**
     * Record the warning of an idle stop, which the verdict says is due at {@code now}; the instance stays RUNNING.
     * Refused (6357) when it is not due.
     */
    public Either<DomainError, Instance> warnOfIdleStop(IdleVerdict verdict, Instant now) {
        return notDeleted().flatMap(ignored -> status == InstanceStatus.RUNNING && verdict.warningDueAt(now)
                ? Either.right(new Instance(id, projectId, name, description, status, createdAt, now, profile, flavor, pool,
                        spec, autoStop, lease, failure, queuedSince, inactiveSince, access, workspaceId, aiProjectId, owner,
                        idleStop, runningSince, Option.some(now), version))
                : Either.left(new DomainError.OperationNotAllowed(status.name(), "idle warning")));
    }

    /**
     * The idle-stop engine's stop: the same transition as a user's, allowed only when the verdict says it is due at
     * {@code now}.
     */
    public Either<DomainError, Instance> stopForIdleness(IdleVerdict verdict, Instant now) {
        return notDeleted().flatMap(ignored -> status == InstanceStatus.RUNNING && verdict.stopDueAt(now)
                ? stop(now)
                : Either.left(new DomainError.OperationNotAllowed(status.name(), "idle stop")));
    }

    // ---- runtime progress ------------------------------------------------------------------------

    /**
     * Apply progress reported by the runtime; a failure records its reason, a launched notebook how it is opened.
     */
    public Either<DomainError, Instance> onRuntimeEvent(RuntimeEvent event, Instant now) {
        return notDeleted()
                .flatMap(ignored -> Lifecycle.afterEvent(status, event))
                .map(target -> moveTo(target, now))
                .map(moved -> failureOf(event).map(moved::failedWith).getOrElse(moved))
                .map(moved -> event instanceof RuntimeEvent.Launched launched ? moved.openedBy(launched.access()) : moved);
    }

    // ---- views ----------------------------------------------------------------------------------

    /** Seconds left of the current run, while there is a lease. */
    public Option<Long> remainingSeconds(Instant now) {
        return lease.map(l -> l.remainingSeconds(now));
    }

    /** Whether the instance runs on a lease that has ended at {@code now}: the auto-stop engine's to stop. */
    public boolean isLeaseDueAt(Instant now) {
        return status == InstanceStatus.RUNNING && lease.exists(l -> l.isDueAt(now));
    }

    /**
     * When the engine deletes this inactive instance unless it is started (or deleted) before: its flavor's retention
     * after it became inactive; none while it is active, or when its flavor keeps it for ever.
     */
    public Option<Instant> retentionEnd() {
        return inactiveSince.flatMap(since -> flavor.retention().map(since::plus));
    }

    /** Whether the instance has been inactive for longer than its flavor keeps it: the retention engine's to delete. */
    public boolean isRetentionOverAt(Instant now) {
        return retentionEnd().exists(end -> !end.isAfter(now));
    }

    /** This instance, if a change conditional on {@code expectedVersion} (none: any version) may apply to it. */
    public Either<DomainError, Instance> ifAtVersion(Option<Long> expectedVersion) {
        return expectedVersion.filter(expected -> expected != version)
                .<Either<DomainError, Instance>>map(expected -> Either.left(new DomainError.VersionMismatch(expected, version)))
                .getOrElse(Either.right(this));
    }

    public boolean isDeleted() {
        return status == InstanceStatus.DELETED;
    }

    /** The same instance as stored at {@code storedVersion}; only stores call this. */
    public Instance atVersion(long storedVersion) {
        return new Instance(id, projectId, name, description, status, createdAt, updatedAt, profile, flavor, pool, spec,
                autoStop, lease, failure, queuedSince, inactiveSince, access, workspaceId, aiProjectId, owner, idleStop,
                runningSince, idleWarnedAt, storedVersion);
    }

    // ---- internals ------------------------------------------------------------------------------

    private Either<DomainError, Instance> request(UserRequest request, Instant now) {
        return notDeleted()
                .flatMap(ignored -> Lifecycle.afterRequest(status, request))
                .map(target -> moveTo(target, now));
    }

    private Either<DomainError, Instance> notDeleted() {
        return isDeleted() ? Either.left(new DomainError.InstanceNotFound(id.value())) : Either.right(this);
    }

    private Either<DomainError, Instance> onlyForFreeFlavors() {
        return flavor.isFree() ? Either.right(this) : Either.left(new DomainError.IncorrectValue(InstanceAttribute.USER_REQUEST));
    }

    /**
     * Every status change goes through here: entering RUNNING fixes a lease from the settings in force,
     * leaving it drops the lease and the notebook's access; a queuing status records when the wait began, an
     * inactive one when the rest began; a failure reason lasts only until the next change.
     */
    Instance moveTo(InstanceStatus target, Instant now) {
        Option<AutoStopLease> nextLease = target != InstanceStatus.RUNNING ? Option.none()
                : status == InstanceStatus.RUNNING ? lease
                : autoStop.leaseFrom(now);
        Option<Instant> nextQueuedSince = !target.isQueued() ? Option.none()
                : queuedSince.orElse(Option.some(now));
        Option<Instant> nextInactiveSince = target.isInactive() ? Option.some(now) : Option.none();
        Option<NotebookAccess> nextAccess = target == InstanceStatus.RUNNING ? access : Option.none();
        boolean staysRunning = status == InstanceStatus.RUNNING && target == InstanceStatus.RUNNING;
        Option<Instant> nextRunningSince = target != InstanceStatus.RUNNING ? Option.none()
                : staysRunning ? runningSince : Option.some(now);
        return new Instance(id, projectId, name, description, target, createdAt, now, profile, flavor, pool, spec,
                autoStop, nextLease, Option.none(), nextQueuedSince, nextInactiveSince, nextAccess, workspaceId, aiProjectId,
                owner, idleStop, nextRunningSince, staysRunning ? idleWarnedAt : Option.none(), version);
    }

    private Instance withoutSecrets() {
        return new Instance(id, projectId, name, description, status, createdAt, updatedAt, profile, flavor, pool,
                spec.withoutSecrets(), autoStop, lease, failure, queuedSince, inactiveSince, Option.none(), workspaceId,
                aiProjectId, owner, idleStop, runningSince, idleWarnedAt, version);
    }

    private Instance failedWith(FailedReason reason) {
        return new Instance(id, projectId, name, description, status, createdAt, updatedAt, profile, flavor, pool, spec,
                autoStop, lease, Option.some(reason), queuedSince, inactiveSince, access, workspaceId, aiProjectId, owner,
                idleStop, runningSince, idleWarnedAt, version);
    }

    private Instance openedBy(NotebookAccess notebook) {
        return new Instance(id, projectId, name, description, status, createdAt, updatedAt, profile, flavor, pool, spec,
                autoStop, lease, failure, queuedSince, inactiveSince, Option.some(notebook), workspaceId, aiProjectId, owner,
                idleStop, runningSince, idleWarnedAt, version);
    }

    /** A change of the idle-stop settings voids the warning given under the old ones: the new rule warns anew. */
    private Instance withChanges(Description newDescription, AutoStopSettings newAutoStop, IdleStopSettings newIdleStop,
                                 Instant now) {
        return new Instance(id, projectId, name, newDescription, status, createdAt, now, profile, flavor, pool, spec,
                newAutoStop, lease, failure, queuedSince, inactiveSince, access, workspaceId, aiProjectId, owner, newIdleStop,
                runningSince, newIdleStop.equals(idleStop) ? idleWarnedAt : Option.none(), version);
    }

    private static Option<FailedReason> failureOf(RuntimeEvent event) {
        return event instanceof RuntimeEvent.Failure failure ? Option.some(failure.reason()) : Option.none();
    }
}
