package io.demanager.testkit.memory;

import io.demanager.application.port.out.InstanceListing;
import io.demanager.application.port.out.InstancePage;
import io.demanager.domain.instance.Instance;
import io.demanager.domain.instance.InstanceFilter;
import io.demanager.domain.instance.InstanceSort;
import io.vavr.collection.List;

import java.util.Comparator;

/**
 * An {@link InstanceListing} carried out over instances in memory: the filters, the order and the page that the
 * PostgreSQL store writes in SQL, which the store contract holds both to.
 */
final class InMemoryListing {

    private InMemoryListing() {
    }

    /** The page of {@code instances} that {@code listing} asks for, with the count of every match. */
    static InstancePage run(InstanceListing listing, List<Instance> instances) {
        List<Instance> matches = instances.filter(instance -> selects(listing, instance)).sorted(ordering(listing.sort()));
        return new InstancePage(matches.size(), page(matches, listing.page().offset(), listing.page().limit()));
    }

    /** The part of {@code sorted} from {@code offset}, at most {@code limit} long; a limit of 0 takes all the rest. */
    static <T> List<T> page(List<T> sorted, int offset, int limit) {
        List<T> fromOffset = sorted.drop(offset);
        return limit == 0 ? fromOffset : fromOffset.take(limit);
    }

    /** A live instance of the listing's project that passes every filter given. */
    private static boolean selects(InstanceListing listing, Instance instance) {
        InstanceFilter filter = listing.filter();
        return !instance.isDeleted()
                && instance.projectId().equals(listing.projectId())
                && filter.status().forAll(wanted -> instance.status() == wanted)
                && instance.workspaceId().equals(filter.workspaceId())
                && filter.aiProjectId().forAll(instance.aiProjectId()::equals)
                && filter.poolId().forAll(wanted -> instance.pool().exists(pool -> pool.id().equals(wanted)))
                && listing.ownerId().forAll(instance.owner().id()::equals);
    }

    /** Names sort by code point (they are ASCII); ties are broken by id, in the same direction, so pages are stable. */
    private static Comparator<Instance> ordering(InstanceSort sort) {
        Comparator<Instance> byField = sort.key() == InstanceSort.Key.NAME
                ? Comparator.comparing(instance -> instance.name().value())
                : Comparator.comparing(Instance::createdAt);
        Comparator<Instance> ascending = byField.thenComparing(instance -> instance.id().value());
        return sort.direction() == InstanceSort.Direction.ASC ? ascending : ascending.reversed();
    }
}
