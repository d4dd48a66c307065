package io.demanager.adapter.persistence.postgres;

import io.demanager.application.port.out.ActiveInstances;
import io.demanager.application.port.out.DueLeases;
import io.demanager.application.port.out.EventFeed;
import io.demanager.application.port.out.ExpiredRetentions;
import io.demanager.application.port.out.InstanceEvents;
import io.demanager.application.port.out.InstanceListing;
import io.demanager.application.port.out.InstancePage;
import io.demanager.application.port.out.InstanceStore;
import io.demanager.application.port.out.InstancesInStatus;
import io.demanager.application.port.out.QueuedInstances;
import io.demanager.domain.error.DomainError;
import io.demanager.domain.instance.Instance;
import io.demanager.domain.instance.InstanceId;
import io.demanager.domain.instance.InstanceStatus;
import io.demanager.domain.instance.LifecycleEvent;
import io.demanager.domain.instance.ProjectId;
import io.demanager.domain.instance.TransitionCause;
import io.vavr.collection.List;
import io.vavr.collection.Set;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.time.Duration;
import java.util.function.Function;

/**
 * The PostgreSQL stores of one database seen as one object offering every store port, so that the store contracts,
 * written against one store, run on them as they run on the in-memory store.
 */
public final class PostgresPorts implements InstanceStore, ActiveInstances, InstanceEvents, DueLeases, QueuedInstances,
        InstancesInStatus, EventFeed, ExpiredRetentions {

    private final PostgresStores stores;

    public PostgresPorts(PostgresStores stores) {
        this.stores = stores;
    }

    public PostgresStores stores() {
        return stores;
    }

    @Override
    public Option<Instance> find(ProjectId projectId, InstanceId instanceId) {
        return stores.instances().find(projectId, instanceId);
    }

    @Override
    public InstancePage list(InstanceListing listing) {
        return stores.instances().list(listing);
    }

    @Override
    public Either<DomainError, Instance> insert(Instance instance) {
        return stores.instances().insert(instance);
    }

    @Override
    public Either<StaleWrite, Instance> update(Instance changed, TransitionCause cause) {
        return stores.instances().update(changed, cause);
    }

    @Override
    public Either<DomainError, Instance> modifySettings(ProjectId projectId, InstanceId instanceId,
                                                        Function<Instance, Either<DomainError, Instance>> change) {
        return stores.instances().modifySettings(projectId, instanceId, change);
    }

    @Override
    public List<Instance> inStatus(Set<InstanceStatus> statuses, Option<InstanceId> after, int limit) {
        return stores.instances().inStatus(statuses, after, limit);
    }

    @Override
    public List<Instance> runningWithIdleStop(Option<InstanceId> after, int limit) {
        return stores.instances().runningWithIdleStop(after, limit);
    }

    @Override
    public Set<InstanceId> liveAmong(Set<InstanceId> ids) {
        return stores.instances().liveAmong(ids);
    }

    @Override
    public EventPage events(ProjectId projectId, InstanceId instanceId, int offset, int limit) {
        return stores.events().events(projectId, instanceId, offset, limit);
    }

    @Override
    public List<AutoStopped> stopDue(int limit, LeaseStop stop) {
        return stores.leaseClaims().stopDue(limit, stop);
    }

    @Override
    public Option<Duration> untilNextLeaseEnd() {
        return stores.leaseClaims().untilNextLeaseEnd();
    }

    @Override
    public List<LifecycleEvent> warnEnding(int limit, Duration before) {
        return stores.leaseClaims().warnEnding(limit, before);
    }

    @Override
    public Option<Duration> untilNextWarning(Duration before) {
        return stores.leaseClaims().untilNextWarning(before);
    }

    @Override
    public List<Expired> deleteExpired(int limit, RetentionDelete delete) {
        return stores.retentionClaims().deleteExpired(limit, delete);
    }

    @Override
    public List<Instance> oldestQueued(String flavorName, int limit) {
        return stores.queues().oldestQueued(flavorName, limit);
    }

    @Override
    public Either<DomainError, Instance> insertAdmitting(String flavorName, Function<Places, Either<DomainError, Instance>> decide) {
        return stores.queues().insertAdmitting(flavorName, decide);
    }

    @Override
    public Either<DomainError, Either<StaleWrite, Instance>> updateAdmitting(
            String flavorName, Function<Places, Either<DomainError, Instance>> decide, TransitionCause cause) {
        return stores.queues().updateAdmitting(flavorName, decide, cause);
    }

    @Override
    public Option<Instance> admitOldest(String flavorName, long capacity, Function<Instance, Either<DomainError, Instance>> admit,
                                        TransitionCause cause) {
        return stores.queues().admitOldest(flavorName, capacity, admit, cause);
    }

    @Override
    public long rank(Instance queued) {
        return stores.queues().rank(queued);
    }

    @Override
    public QueueState state(String flavorName) {
        return stores.queues().state(flavorName);
    }

    @Override
    public long countHoldingCapacity(String flavorName) {
        return stores.queues().countHoldingCapacity(flavorName);
    }

    @Override
    public Position newest() {
        return stores.eventFeed().newest();
    }

    @Override
    public Option<Position> positionOf(ProjectId project, Option<String> ownerId, long eventId) {
        return stores.eventFeed().positionOf(project, ownerId, eventId);
    }

    @Override
    public Page after(ProjectId project, Option<String> ownerId, Position position, int limit) {
        return stores.eventFeed().after(project, ownerId, position, limit);
    }

    @Override
    public Listening whenEventsWritten(Runnable listener) {
        return stores.eventFeed().whenEventsWritten(listener);
    }
}
