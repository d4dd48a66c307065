package io.demanager.application.fakes;

import io.demanager.application.port.out.ActiveInstances;
import io.demanager.application.port.out.InstanceListing;
import io.demanager.application.port.out.InstancePage;
import io.demanager.application.port.out.InstanceStore;
import io.demanager.domain.error.DomainError;
import io.demanager.domain.instance.Instance;
import io.demanager.domain.instance.InstanceId;
import io.demanager.domain.instance.ProjectId;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A plain store for application tests: a map of versioned instances, listed naively.
 * {@link #raceNextUpdates} lets a test make another writer win the next races.
 */
public final class FakeInstanceStore implements InstanceStore, ActiveInstances {

    private final Map<InstanceId, Instance> instances = new HashMap<>();
    private final Deque<UnaryOperator<Instance>> racingWrites = new ArrayDeque<>();

    /** Store {@code instance} as it is, version included, as if it had been written long ago. */
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

    @Override
    public synchronized Option<Instance> find(ProjectId projectId, InstanceId instanceId) {
        return Option.of(instances.get(instanceId))
                .filter(instance -> instance.projectId().equals(projectId) && !instance.isDeleted());
    }

    @Override
    public synchronized InstancePage list(InstanceListing listing) {
        Comparator<Instance> byField = listing.sortBy() == InstanceListing.SortField.NAME
                ? Comparator.comparing(instance -> instance.name().value())
                : Comparator.comparing(Instance::createdAt);
        Comparator<Instance> order = byField.thenComparing(instance -> instance.id().value());
        List<Instance> matches = List.ofAll(instances.values())
                .filter(instance -> matches(listing, instance))
                .sorted(listing.order() == InstanceListing.SortOrder.ASC ? order : order.reversed());
        List<Instance> page = matches.drop(listing.offset());
        return new InstancePage(matches.size(), listing.limit() == 0 ? page : page.take(listing.limit()));
    }

    @Override
    public synchronized Either<DomainError, Instance> insert(Instance instance) {
        boolean nameTaken = instances.values().stream().anyMatch(stored -> !stored.isDeleted()
                && stored.projectId().equals(instance.projectId()) && stored.name().equals(instance.name()));
        if (nameTaken) {
            return Either.left(new DomainError.InstanceAlreadyExists(instance.name().value()));
        }
        return Either.right(given(instance.atVersion(0)));
    }

    @Override
    public synchronized Either<StaleWrite, Instance> update(Instance changed) {
        UnaryOperator<Instance> racingWrite = racingWrites.poll();
        if (racingWrite != null) {
            find(changed.projectId(), changed.id())
                    .peek(stored -> given(racingWrite.apply(stored).atVersion(stored.version() + 1)));
        }
        boolean current = find(changed.projectId(), changed.id()).exists(stored -> stored.version() == changed.version());
        return current
                ? Either.right(given(changed.atVersion(changed.version() + 1)))
                : Either.left(new StaleWrite(changed.id(), changed.version()));
    }

    @Override
    public synchronized long countHoldingCapacity(String flavorName) {
        return instances.values().stream()
                .filter(instance -> instance.flavor().name().equals(flavorName) && instance.status().holdsCapacity())
                .count();
    }

    private static boolean matches(InstanceListing listing, Instance instance) {
        return !instance.isDeleted()
                && instance.projectId().equals(listing.projectId())
                && listing.status().forAll(status -> instance.status() == status)
                && instance.workspaceId().equals(listing.workspaceId())
                && listing.aiProjectId().forAll(instance.aiProjectId()::equals)
                && listing.poolId().forAll(poolId -> instance.pool().exists(pool -> pool.id().equals(poolId)))
                && listing.ownerId().forAll(instance.owner().id()::equals);
    }
}
