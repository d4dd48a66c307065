package io.demanager.application.fakes;

import io.demanager.application.port.out.ActiveInstances;
import io.demanager.application.port.out.DueLeases;
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
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.List;
import io.vavr.collection.Set;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A plain store for application tests: a map of versioned instances and their events, listed naively. Due leases
 * are judged by the clock it is given. {@link #raceNextUpdates} lets a test make another writer win the next races.
 */
public final class FakeInstanceStore implements InstanceStore, ActiveInstances, InstanceEvents, DueLeases, QueuedInstances,
        InstancesInStatus {

    private final Map<InstanceId, Instance> instances = new HashMap<>();
    private final Map<InstanceId, java.util.List<LifecycleEvent>> events = new HashMap<>();
    private final Deque<UnaryOperator<Instance>> racingWrites = new ArrayDeque<>();
    /** The lease end each running instance was last warned about. */
    private final Map<InstanceId, Instant> warnedLeaseEnds = new HashMap<>();
    private final Clock clock;

    public FakeInstanceStore() {
        this(Clock.systemUTC());
    }

    public FakeInstanceStore(Clock clock) {
        this.clock = clock;
    }

    /** Store {@code instance} as it is, version included, as if it had been written long ago: no event. */
    public synchronized Instance given(Instance instance) {
        instances.put(instance.id(), instance);
        return instance;
    }

    /**
     * Each of the next {@code times} updates loses its race: just before it, another writer stores
     * {@code otherWrite} of the stored instance at the next version.
     */
    public synchronized void raceNextUpdates(int times, UnaryOperator<Instance> otherWrite) {
        for (int i = 0; i < times; i++) {
            racingWrites.add(otherWrite);
        }
    }

    /** Every event recorded for the instance, oldest first. */
    public synchronized List<LifecycleEvent> eventsOf(InstanceId instanceId) {
        return List.ofAll(events.getOrDefault(instanceId, java.util.List.of()));
    }

    @Override
    public synchronized Option<Instance> find(ProjectId projectId, InstanceId instanceId) {
        return Option.of(instances.get(instanceId))
                .filter(instance -> instance.projectId().equals(projectId) && !instance.isDeleted());
    }

    @Override
    public synchronized InstancePage list(InstanceListing listing) {
        List<Instance> matches = List.ofAll(instances.values()).filter(listing::selects).sorted(listing.ordering());
        return new InstancePage(matches.size(), InstanceListing.page(matches, listing.offset(), listing.limit()));
    }

    @Override
    public synchronized Either<DomainError, Instance> insert(Instance instance) {
        boolean nameTaken = instances.values().stream().anyMatch(stored -> !stored.isDeleted()
                && stored.projectId().equals(instance.projectId()) && stored.name().equals(instance.name()));
        if (nameTaken) {
            return Either.left(new DomainError.InstanceAlreadyExists(instance.name().value()));
        }
        return Either.right(written(Option.none(), instance.atVersion(0), TransitionCause.USER_REQUEST));
    }

    @Override
    public synchronized Either<StaleWrite, Instance> update(Instance changed, TransitionCause cause) {
        UnaryOperator<Instance> racingWrite = racingWrites.poll();
        if (racingWrite != null) {
            find(changed.projectId(), changed.id())
                    .peek(stored -> given(racingWrite.apply(stored).atVersion(stored.version() + 1)));
        }
        Option<Instance> current = find(changed.projectId(), changed.id()).filter(stored -> stored.version() == changed.version());
        return current.isDefined()
                ? Either.right(written(current.map(Instance::status), changed.atVersion(changed.version() + 1), cause))
                : Either.left(new StaleWrite(changed.id(), changed.version()));
    }

    @Override
    public synchronized long countHoldingCapacity(String flavorName) {
        return instances.values().stream()
                .filter(instance -> instance.flavor().name().equals(flavorName) && instance.status().holdsCapacity())
                .count();
    }

    @Override
    public synchronized EventPage events(ProjectId projectId, InstanceId instanceId, int offset, int limit) {
        List<LifecycleEvent> newestFirst = find(projectId, instanceId).isEmpty() ? List.empty() : eventsOf(instanceId).reverse();
        return new EventPage(newestFirst.size(), InstanceListing.page(newestFirst, offset, limit));
    }

    /** Every stop of the batch is decided before any is written, as in one transaction. */
    @Override
    public synchronized List<AutoStopped> stopDue(int limit, LeaseStop stop) {
        var now = clock.instant();
        List<Tuple2<Instance, Instance>> stops = live()
                .filter(instance -> instance.isLeaseDueAt(now))
                .sortBy(instance -> instance.lease().get().stopAt())
                .take(limit)
                .flatMap(due -> stop.apply(due, now).toOption().map(stopped -> Tuple.of(due, stopped)));
        return stops.map(dueAndStopped -> new AutoStopped(
                written(Option.some(InstanceStatus.RUNNING), dueAndStopped._2.atVersion(dueAndStopped._1.version() + 1),
                        TransitionCause.AUTO_STOP),
                dueAndStopped._1.lease().get().stopAt()));
    }

    @Override
    public synchronized Option<Duration> untilNextLeaseEnd() {
        Instant now = clock.instant();
        return leased().map(FakeInstanceStore::leaseEnd).min().map(end -> Duration.between(now, end));
    }

    /** Warnings are decided and recorded under the store's one lock, so two engines never warn of the same lease. */
    @Override
    public synchronized List<LifecycleEvent> warnEnding(int limit, Duration before) {
        Instant now = clock.instant();
        List<Instance> warned = awaitingWarning(now)
                .filter(instance -> !leaseEnd(instance).minus(before).isAfter(now))
                .sortBy(FakeInstanceStore::leaseEnd)
                .take(limit);
        return warned.map(instance -> {
            warnedLeaseEnds.put(instance.id(), leaseEnd(instance));
            var warning = new LifecycleEvent(instance.id(), Option.some(InstanceStatus.RUNNING), InstanceStatus.RUNNING,
                    TransitionCause.LEASE_ENDING, now, instance.version());
            events.computeIfAbsent(instance.id(), id -> new ArrayList<>()).add(warning);
            return warning;
        });
    }

    @Override
    public synchronized Option<Duration> untilNextWarning(Duration before) {
        Instant now = clock.instant();
        return awaitingWarning(now).map(instance -> leaseEnd(instance).minus(before)).min()
                .map(warnAt -> Duration.between(now, warnAt));
    }

    private List<Instance> leased() {
        return live().filter(instance -> instance.status() == InstanceStatus.RUNNING && instance.lease().isDefined());
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
    public synchronized List<Instance> oldestQueued(String flavorName, int limit) {
        return live().filter(instance -> instance.flavor().name().equals(flavorName) && instance.status().isQueued())
                .sortBy(instance -> instance.queuedSince().get())
                .take(limit);
    }

    @Override
    public synchronized List<Instance> inStatus(Set<InstanceStatus> statuses, Option<InstanceId> after, int limit) {
        return live().filter(instance -> statuses.contains(instance.status())
                        && after.forAll(last -> instance.id().value().compareTo(last.value()) > 0))
                .sortBy(instance -> instance.id().value())
                .take(limit);
    }

    private Instance written(Option<InstanceStatus> before, Instance stored, TransitionCause cause) {
        given(stored);
        LifecycleEvent.ofWrite(before, stored, cause)
                .peek(event -> events.computeIfAbsent(stored.id(), id -> new ArrayList<>()).add(event));
        return stored;
    }

    private List<Instance> live() {
        return List.ofAll(instances.values()).filter(instance -> !instance.isDeleted());
    }

}
