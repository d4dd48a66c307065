package io.demanager.application.port.out;

import io.demanager.domain.error.DomainError;
import io.demanager.domain.instance.Instance;
import io.demanager.domain.instance.InstanceId;
import io.demanager.domain.instance.ProjectId;
import io.demanager.domain.instance.TransitionCause;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.util.function.Function;

/**
 * Where instances are kept. Every read and write is scoped by project. A transition ({@link #update}) is
 * optimistic: it succeeds only if the stored version is still the one the instance was read at. A change of
 * settings ({@link #modifySettings}) waits for its turn instead: writers of one instance are applied one after the
 * other, each on the latest state. Every write bumps the version. A DELETED
 * instance is gone: it is never found nor listed, and its name may be used again.
 * Every write that changes the status records a {@link io.demanager.domain.instance.LifecycleEvent} in the same
 * transaction (see {@link InstanceEvents}): the change and its event are stored together or not at all.
 * Failures of the store itself are thrown, never answered as "not found": a store that cannot be reached now
 * throws {@link io.demanager.application.port.in.StoreUnavailable}, anything else (a bug) whatever it is.
 */
public interface InstanceStore {

    Option<Instance> find(ProjectId projectId, InstanceId instanceId);

    InstancePage list(InstanceListing listing);

    /**
     * Store a new instance at version 0, with its creation event (from no status, at its creation time, by
     * {@link TransitionCause#USER_REQUEST}); a live instance of the same name in the project: 6301.
     */
    Either<DomainError, Instance> insert(Instance instance);

    /**
     * Replace the stored instance if it is still at {@code changed.version()}, and answer it at the next
     * version; if the status changed, record the event with {@code cause} at {@code changed.updatedAt()}.
     * If another write came first, answer {@link StaleWrite} and store nothing.
     */
    Either<StaleWrite, Instance> update(Instance changed, TransitionCause cause);

    /**
     * Change the description or the auto-stop or idle-stop settings of a live instance of {@code projectId}, one writer
     * at a time: {@code change} is given the latest stored state, no other write comes between that read and this
     * write, and what it answers is stored at the next version and answered. {@code change} may alter only the
     * description, the auto-stop and idle-stop settings (and the idle warning they void) and the update time: only
     * those are written, and no event, since the status stays.
     * {@code change} may be given more than one state (a store may apply it again to a newer one that another
     * process wrote meanwhile), so it must do nothing but answer; only its answer to the state it is stored over counts.
     * An error {@code change} answers is answered and stores nothing; an unknown, deleted or other project's
     * instance is {@link DomainError.InstanceNotFound}.
     */
    Either<DomainError, Instance> modifySettings(ProjectId projectId, InstanceId instanceId,
                                                 Function<Instance, Either<DomainError, Instance>> change);

    /** The write lost a race: the instance was changed (or deleted) since it was read. */
    record StaleWrite(InstanceId instanceId, long readVersion) {
    }
}
