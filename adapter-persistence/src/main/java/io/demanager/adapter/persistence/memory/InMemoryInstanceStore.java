package io.demanager.adapter.persistence.memory;

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

import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

/**
 * Instances kept in memory, for tests and for a server that needs no database. Every method holds one lock,
 * so that the duplicate-name check and the version check are atomic with the write they guard.
 * A deleted instance is dropped: nothing can find it, list it or write it again.
 */
public final class InMemoryInstanceStore implements InstanceStore, ActiveInstances {

    private final Map<InstanceId, Instance> liveInstances = new HashMap<>();

    @Override
    public synchronized Option<Instance> find(ProjectId projectId, InstanceId instanceId) {
        return Option.of(liveInstances.get(instanceId)).filter(instance -> instance.projectId().equals(projectId));
    }

    @Override
    public InstancePage list(InstanceListing listing) {
        List<Instance> matches = snapshot()
                .filter(instance -> matches(listing, instance))
                .sorted(orderOf(listing));
        List<Instance> fromOffset = matches.drop(listing.offset());
        return new InstancePage(matches.size(), listing.limit() == 0 ? fromOffset : fromOffset.take(listing.limit()));
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
        Instance stored = instance.atVersion(0);
        liveInstances.put(stored.id(), stored);
        return Either.right(stored);
    }

    @Override
    public synchronized Either<StaleWrite, Instance> update(Instance changed) {
        boolean current = find(changed.projectId(), changed.id()).exists(stored -> stored.version() == changed.version());
        if (!current) {
            return Either.left(new StaleWrite(changed.id(), changed.version()));
        }
        Instance stored = changed.atVersion(changed.version() + 1);
        if (stored.isDeleted()) {
            liveInstances.remove(stored.id());
        } else {
            liveInstances.put(stored.id(), stored);
        }
        return Either.right(stored);
    }

    @Override
    public long countHoldingCapacity(String flavorName) {
        return snapshot().count(instance -> instance.flavor().name().equals(flavorName) && instance.status().holdsCapacity());
    }

    private synchronized List<Instance> snapshot() {
        return List.ofAll(liveInstances.values());
    }

    private static boolean matches(InstanceListing listing, Instance instance) {
        return instance.projectId().equals(listing.projectId())
                && listing.status().forAll(status -> instance.status() == status)
                && instance.workspaceId().equals(listing.workspaceId())
                && listing.aiProjectId().forAll(instance.aiProjectId()::equals)
                && listing.poolId().forAll(poolId -> instance.pool().exists(pool -> pool.id().equals(poolId)))
                && listing.ownerId().forAll(instance.owner().id()::equals);
    }

    /** Names sort by code point (they are ASCII); ties are broken by id, in the same direction, so pages are stable. */
    private static Comparator<Instance> orderOf(InstanceListing listing) {
        Comparator<Instance> byField = listing.sortBy() == InstanceListing.SortField.NAME
                ? Comparator.comparing(instance -> instance.name().value())
                : Comparator.comparing(Instance::createdAt);
        Comparator<Instance> ascending = byField.thenComparing(instance -> instance.id().value());
        return listing.order() == InstanceListing.SortOrder.ASC ? ascending : ascending.reversed();
    }
}
