package io.demanager.testkit.memory;

import io.demanager.application.port.out.ActiveInstances;
import io.demanager.application.port.out.ActiveInstances.Places;
import io.demanager.application.port.out.DueLeases;
import io.demanager.application.port.out.EventFeed;
import io.demanager.application.port.out.ExpiredRetentions;
import io.demanager.application.port.out.InstanceEvents;
import io.demanager.application.port.out.InstanceListing;
import io.demanager.application.port.out.InstancePage;
import io.demanager.application.port.out.InstanceStore;
import io.demanager.application.port.out.InstancesInStatus;
import io.demanager.application.port.out.LeaseChanges;
import io.demanager.application.port.out.QueuedInstances;
import io.demanager.application.port.out.Stores;
import io.demanager.domain.autostop.AutoStopLease;
import io.demanager.domain.error.DomainError;
import io.demanager.domain.instance.Instance;
import io.demanager.domain.instance.InstanceId;
import io.demanager.domain.instance.InstanceStatus;
import io.demanager.domain.instance.LifecycleEvent;
import io.demanager.domain.instance.NumberedEvent;
import io.demanager.domain.instance.ProjectId;
import io.demanager.domain.instance.TransitionCause;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Set;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Instances and their lifecycle events kept in memory: the store of the application's, the HTTP adapter's and the
 * server's tests, which runs the same contract as the PostgreSQL store. Every method holds one lock, so that each
 * check (duplicate name, version, due lease) is atomic with the write it guards, and a change and its event are
 * written together. Leases are due by the clock given here, and every write of an instance with a lease is told to
 * the {@link LeaseChanges} listeners; retentions end by the same clock. A deleted instance is dropped with its events: nothing
 * can find it, list it or write it again. Beside its ports, a test may set the scene with {@link #given} and read
 * what was recorded with {@link #eventsOf}.
 */
public final class InMemoryInstanceStore implements InstanceStore, ActiveInstances, InstanceEvents, DueLeases,
        QueuedInstances, InstancesInStatus, LeaseChanges, EventFeed, ExpiredRetentions {

    private final Map<InstanceId, Instance> liveInstances = new HashMap<>();
    private final Map<InstanceId, java.util.List<LifecycleEvent>> events = new HashMap<>();
    /** The lease end each running instance was last warned about. */
    private final Map<InstanceId, Instant> warnedLeaseEnds = new HashMap<>();
    private final java.util.List<Runnable> leaseListeners = new CopyOnWriteArrayList<>();
    /** Every event in the order written, deleted instances' included, with the owner of its instance. */
    private final java.util.List<Tuple2<NumberedEvent, String>> feed = new ArrayList<>();
    private final java.util.List<Runnable> feedListeners = new CopyOnWriteArrayList<>();
    private final Clock clock;

    /** A store whose leases are due by the system clock. */
    public InMemoryInstanceStore() {
        this(Clock.systemUTC());
    }

    public InMemoryInstanceStore(Clock clock) {
        this.clock = clock;
    }

    /** This store behind every store port. */
    public Stores stores() {
        return new Stores(this, this, this, this, this, this, this, this);
    }

    /**
     * Keeps {@code instance} as it is, version included, as if it had been written before: no lifecycle event is
     * recorded. A DELETED instance leaves nothing behind, as a deleted one does here.
     */
    public synchronized Instance given(Instance instance) {
        keep(instance);
        return instance;
    }

    /** Every lifecycle event recorded for the instance, oldest first. */
    public synchronized List<LifecycleEvent> eventsOf(InstanceId instanceId) {
        return List.ofAll(events.getOrDefault(instanceId, java.util.List.of()));
    }

    @Override
    public synchronized Option<Instance> find(ProjectId projectId, InstanceId instanceId) {
        return Option.of(liveInstances.get(instanceId)).filter(instance -> instance.projectId().equals(projectId));
    }

    @Override
    public InstancePage list(InstanceListing listing) {
        return InMemoryListing.run(listing, snapshot());
    }

    @Override
    public synchronized Either<DomainError, Instance> insert(Instance instance) {
        if (liveInstances.containsKey(instance.id())) {
            throw new IllegalStateException("instance " + instance.id() + " is already stored");
        }
        boolean nameTaken = liveInstances.values().stream().anyMatch(stored ->
                stored.projectId().equals(instance.projectId()) && stored.name().equals(instance.name()));
        if (nameTaken) {
            return Either.left(new DomainError.InstanceAlreadyExists(instance.name().value()));
        }
        return Either.right(write(Option.none(), instance.atVersion(0), TransitionCause.USER_REQUEST));
    }

    @Override
    public synchronized Either<StaleWrite, Instance> update(Instance changed, TransitionCause cause) {
        Option<Instance> current = find(changed.projectId(), changed.id()).filter(stored -> stored.version() == changed.version());
        return current.isDefined()
                ? Either.right(write(current.map(Instance::status), changed.atVersion(changed.version() + 1), cause))
                : Either.left(new StaleWrite(changed.id(), changed.version()));
    }

    /** Writers wait for the store's one lock, so each change is applied to the state the one before it left. */
    @Override
    public synchronized Either<DomainError, Instance> modifySettings(ProjectId projectId, InstanceId instanceId,
                                                                     Function<Instance, Either<DomainError, Instance>> change) {
        return find(projectId, instanceId)
                .toEither(() -> (DomainError) new DomainError.InstanceNotFound(instanceId.value()))
                .flatMap(current -> change.apply(current)
                        .map(changed -> write(Option.some(current.status()), changed.atVersion(current.version() + 1),
                                TransitionCause.USER_REQUEST)));
    }

    @Override
    public long countHoldingCapacity(String flavorName) {
        return ofFlavor(flavorName).count(instance -> instance.status().holdsCapacity());
    }

    /** Admissions hold the store's one lock, so each decides on the places the one before it left. */
    @Override
    public synchronized Either<DomainError, Instance> insertAdmitting(String flavorName,
                                                                      Function<Places, Either<DomainError, Instance>> decide) {
        return decide.apply(places(flavorName)).flatMap(this::insert);
    }

    @Override
    public synchronized Either<DomainError, Either<StaleWrite, Instance>> updateAdmitting(
            String flavorName, Function<Places, Either<DomainError, Instance>> decide, TransitionCause cause) {
        return decide.apply(places(flavorName)).map(changed -> update(changed, cause));
    }

    @Override
    public synchronized Option<Instance> admitOldest(String flavorName, long capacity,
                                                     Function<Instance, Either<DomainError, Instance>> admit,
                                                     TransitionCause cause) {
        return oldestQueued(flavorName, 1).headOption()
                .filter(head -> countHoldingCapacity(flavorName) < capacity)
                .flatMap(head -> admit.apply(head).toOption())
                .flatMap(admitted -> update(admitted, cause).toOption());
    }

    private Places places(String flavorName) {
        List<Instance> ofFlavor = ofFlavor(flavorName);
        return new Places(ofFlavor.count(instance -> instance.status().holdsCapacity()),
                ofFlavor.count(instance -> instance.status().isQueued()));
    }

    private List<Instance> ofFlavor(String flavorName) {
        return snapshot().filter(instance -> instance.flavor().name().equals(flavorName));
    }

    @Override
    public synchronized EventPage events(ProjectId projectId, InstanceId instanceId, int offset, int limit) {
        List<LifecycleEvent> newestFirst = find(projectId, instanceId).isEmpty() ? List.empty() : eventsOf(instanceId).reverse();
        return new EventPage(newestFirst.size(), InMemoryListing.page(newestFirst, offset, limit));
    }

    /**
     * Claiming and stopping happen under the store's one lock, so two engines never stop the same instance. Every
     * stop of the batch is decided before any is written, so that a failure in the middle writes none.
     */
    @Override
    public synchronized List<AutoStopped> stopDue(int limit, LeaseStop stop) {
        Instant now = clock.instant();
        List<Tuple2<Instance, Instance>> stops = List.ofAll(liveInstances.values())
                .filter(instance -> instance.isLeaseDueAt(now))
                .sortBy(instance -> instance.lease().get().stopAt())
                .take(limit)
                .flatMap(due -> stop.apply(due, now).toOption().map(stopped -> Tuple.of(due, stopped)));
        return stops.map(dueAndStopped -> new AutoStopped(
                write(Option.some(InstanceStatus.RUNNING), dueAndStopped._2.atVersion(dueAndStopped._1.version() + 1),
                        TransitionCause.AUTO_STOP),
                dueAndStopped._1.lease().get().stopAt()));
    }

    /**
     * Claiming and deleting happen under the store's one lock, so two engines never delete the same instance. Every
     * delete of the batch is decided before any is written, so that a failure in the middle writes none.
     */
    @Override
    public synchronized List<Expired> deleteExpired(int limit, RetentionDelete delete) {
        Instant now = clock.instant();
        List<Tuple2<Instance, Instance>> deletes = List.ofAll(liveInstances.values())
                .filter(instance -> instance.isRetentionOverAt(now))
                .sortBy(instance -> instance.retentionEnd().get())
                .take(limit)
                .flatMap(expired -> delete.apply(expired, now).toOption().map(deleted -> Tuple.of(expired, deleted)));
        return deletes.map(expiredAndDeleted -> new Expired(expiredAndDeleted._1.status(),
                write(Option.some(expiredAndDeleted._1.status()),
                        expiredAndDeleted._2.atVersion(expiredAndDeleted._1.version() + 1), TransitionCause.RETENTION)));
    }

    @Override
    public synchronized Option<Duration> untilNextLeaseEnd() {
        Instant now = clock.instant();
        return leased().map(InMemoryInstanceStore::leaseEnd).min().map(end -> Duration.between(now, end));
    }

    /** Warnings are decided and recorded under the store's one lock, so two engines never warn of the same lease. */
    @Override
    public synchronized List<LifecycleEvent> warnEnding(int limit, Duration before) {
        Instant now = clock.instant();
        List<Instance> warned = awaitingWarning(now)
                .filter(instance -> !leaseEnd(instance).minus(before).isAfter(now))
                .sortBy(InMemoryInstanceStore::leaseEnd)
                .take(limit);
        return warned.map(instance -> {
            warnedLeaseEnds.put(instance.id(), leaseEnd(instance));
            var warning = new LifecycleEvent(instance.id(), Option.some(InstanceStatus.RUNNING), InstanceStatus.RUNNING,
                    TransitionCause.LEASE_ENDING, now, instance.version());
            events.computeIfAbsent(instance.id(), id -> new ArrayList<>()).add(warning);
            numbered(instance, warning);
            return warning;
        });
    }

    @Override
    public synchronized Option<Duration> untilNextWarning(Duration before) {
        Instant now = clock.instant();
        return awaitingWarning(now).map(instance -> leaseEnd(instance).minus(before)).min()
                .map(warnAt -> Duration.between(now, warnAt));
    }

    @Override
    public void whenLeasesChange(Runnable listener) {
        leaseListeners.add(listener);
    }

    private List<Instance> leased() {
        return List.ofAll(liveInstances.values())
                .filter(instance -> instance.status() == InstanceStatus.RUNNING && instance.lease().isDefined());
    }

    /** Running leases not yet ended whose instance asked for a warning and was not warned about them. */
    private List<Instance> awaitingWarning(Instant now) {
        return leased().filter(instance -> instance.autoStop().prompt() && leaseEnd(instance).isAfter(now)
                && !Option.of(warnedLeaseEnds.get(instance.id())).contains(leaseEnd(instance)));
    }

    private static Instant leaseEnd(Instance running) {
        return running.lease().get().stopAt();
    }

    @Override
    public List<Instance> oldestQueued(String flavorName, int limit) {
        return queueOf(flavorName).take(limit);
    }

    @Override
    public long rank(Instance queued) {
        return queueOf(queued.flavor().name()).indexWhere(waiting -> waiting.id().equals(queued.id())) + 1;
    }

    @Override
    public QueueState state(String flavorName) {
        List<Instance> ofFlavor = ofFlavor(flavorName);
        return new QueueState(ofFlavor.filter(instance -> instance.status().holdsCapacity())
                .map(holder -> holder.lease().map(AutoStopLease::stopAt)),
                ofFlavor.count(instance -> instance.status().isQueued()));
    }

    private List<Instance> queueOf(String flavorName) {
        return ofFlavor(flavorName)
                .filter(instance -> instance.status().isQueued())
                .sorted(Comparator.comparing((Instance instance) -> instance.queuedSince().get())
                        .thenComparing(instance -> instance.id().value()));
    }

    /** Ids are ordered by their text form, which is the order of their bytes, as PostgreSQL orders a uuid. */
    @Override
    public List<Instance> inStatus(Set<InstanceStatus> statuses, Option<InstanceId> after, int limit) {
        return snapshot()
                .filter(instance -> statuses.contains(instance.status())
                        && after.forAll(last -> instance.id().value().compareTo(last.value()) > 0))
                .sortBy(instance -> instance.id().value())
                .take(limit);
    }

    @Override
    public List<Instance> runningWithIdleStop(Option<InstanceId> after, int limit) {
        return inStatus(HashSet.of(InstanceStatus.RUNNING), after, Integer.MAX_VALUE)
                .filter(instance -> instance.idleStop().enabled())
                .take(limit);
    }

    @Override
    public synchronized Set<InstanceId> liveAmong(Set<InstanceId> ids) {
        return ids.filter(liveInstances::containsKey);
    }

    /** Store {@code stored} over an instance that had status {@code before} (none: a new one) with its event, if any. */
    private Instance write(Option<InstanceStatus> before, Instance stored, TransitionCause cause) {
        keep(stored);
        Option<LifecycleEvent> event = LifecycleEvent.ofWrite(before, stored, cause);
        if (!stored.isDeleted()) {
            event.peek(written -> events.computeIfAbsent(stored.id(), id -> new ArrayList<>()).add(written));
        }
        event.peek(written -> numbered(stored, written));
        if (stored.lease().isDefined()) {
            leaseListeners.forEach(Runnable::run);
        }
        return stored;
    }

    /** Events are committed in the order they are numbered here: the feed's position is the event's number. */
    private void numbered(Instance instance, LifecycleEvent event) {
        feed.add(Tuple.of(new NumberedEvent(feed.size() + 1, instance.projectId(), event), instance.owner().id()));
        feedListeners.forEach(Runnable::run);
    }

    @Override
    public synchronized Position newest() {
        return new Position(feed.size(), feed.size());
    }

    @Override
    public synchronized Option<Position> positionOf(ProjectId project, Option<String> ownerId, long eventId) {
        return List.ofAll(feed).find(entry -> entry._1.id() == eventId && seenBy(entry, project, ownerId))
                .map(entry -> new Position(eventId, eventId));
    }

    @Override
    public synchronized Page after(ProjectId project, Option<String> ownerId, Position position, int limit) {
        List<Tuple2<NumberedEvent, String>> later = List.ofAll(feed).drop((int) position.eventId());
        List<NumberedEvent> seen = later.filter(entry -> seenBy(entry, project, ownerId)).take(limit).map(Tuple2::_1);
        long next = seen.size() == limit ? seen.last().id() : feed.size();
        return new Page(seen, new Position(next, next));
    }

    @Override
    public Listening whenEventsWritten(Runnable listener) {
        feedListeners.add(listener);
        return () -> feedListeners.remove(listener);
    }

    private static boolean seenBy(Tuple2<NumberedEvent, String> entry, ProjectId project, Option<String> ownerId) {
        return entry._1.projectId().equals(project) && ownerId.forAll(entry._2::equals);
    }

    private void keep(Instance instance) {
        if (instance.isDeleted()) {
            liveInstances.remove(instance.id());
            events.remove(instance.id());
            warnedLeaseEnds.remove(instance.id());
        } else {
            liveInstances.put(instance.id(), instance);
        }
    }

    private synchronized List<Instance> snapshot() {
        return List.ofAll(liveInstances.values());
    }

}
