package io.demanager.application.port.in;

import io.demanager.domain.catalog.Flavor;
import io.demanager.domain.catalog.Profile;
import io.demanager.domain.error.DomainError;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.time.Instant;
import java.util.Objects;

/**
 * The flavors and profiles a caller may create instances from, and how full each free flavor is now. Read-only; any
 * grant in the project lets a caller read it (else 6621), since creating needs it.
 */
public interface ViewCatalogUseCase {

    Either<DomainError, CatalogView> catalog(ViewCatalogQuery query);

    /** @param readAt when the queues were read, the instant their estimates count from */
    record CatalogView(List<FlavorOffer> flavors, List<Profile> profiles, Instant readAt) {

        public CatalogView {
            Objects.requireNonNull(flavors, "flavors");
            Objects.requireNonNull(profiles, "profiles");
            Objects.requireNonNull(readAt, "readAt");
        }
    }

    /** A flavor, with the room of its queue when it is free (a paid flavor always has room). */
    record FlavorOffer(Flavor flavor, Option<FreeFlavorRoom> room) {

        public FlavorOffer {
            Objects.requireNonNull(flavor, "flavor");
            Objects.requireNonNull(room, "room");
        }
    }

    /**
     * @param capacity how many instances of the flavor may hold capacity at once, across every project
     * @param inUse    how many hold it now
     * @param queue    its queue, by the same rule as an instance's {@code flavor_details}: a newcomer waits while every
     *                 place is held or owed to a queued instance
     */
    record FreeFlavorRoom(int capacity, long inUse, FreeFlavorQueue queue) {

        public FreeFlavorRoom {
            Objects.requireNonNull(queue, "queue");
        }

        public boolean full() {
            return queue.soldOut();
        }
    }
}
