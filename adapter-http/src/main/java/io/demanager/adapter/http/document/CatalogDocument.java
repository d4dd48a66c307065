package io.demanager.adapter.http.document;

import io.demanager.adapter.http.document.InstanceDocument.FlavorDetails;
import io.demanager.adapter.http.document.InstanceDocument.Provision;
import io.demanager.application.port.in.ViewCatalogUseCase.CatalogView;
import io.demanager.application.port.in.ViewCatalogUseCase.FlavorOffer;
import io.demanager.application.port.in.ViewCatalogUseCase.FreeFlavorRoom;
import io.demanager.domain.catalog.FlavorType;
import io.demanager.domain.catalog.Profile;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The catalog route's answer: each flavor as an instance's {@code flavor_details} shows it, with how full a free
 * flavor's queue is, and each profile as an instance's {@code profile} shows it, with the flavor types it runs on.
 */
public record CatalogDocument(List<FlavorEntry> flavors, List<ProfileEntry> profiles) {

    /** @param queue only for a free flavor: how full it is now */
    public record FlavorEntry(FlavorDetails flavorDetails, QueueView queue) {
    }

    /**
     * @param queued how many instances wait in the flavor's queue
     * @param full   whether a new instance, or a start, of the flavor would wait in its queue now
     */
    public record QueueView(int capacity, long inUse, long queued, boolean full) {
    }

    public record ProfileEntry(String id, String name, String description, String deType, List<String> flavorTypes,
                               Provision provision, Map<String, String> labels) {
    }

    public static CatalogDocument of(CatalogView catalog) {
        return new CatalogDocument(catalog.flavors().map(offer -> flavor(offer, catalog.readAt())).toJavaList(),
                catalog.profiles().map(CatalogDocument::profile).toJavaList());
    }

    private static FlavorEntry flavor(FlavorOffer offer, Instant readAt) {
        return new FlavorEntry(InstanceDocumentMapper.flavorDetails(offer.flavor(), offer.room().map(FreeFlavorRoom::queue), readAt),
                offer.room().map(CatalogDocument::queue).getOrNull());
    }

    private static QueueView queue(FreeFlavorRoom room) {
        return new QueueView(room.capacity(), room.inUse(), room.queue().queued(), room.full());
    }

    private static ProfileEntry profile(Profile profile) {
        return new ProfileEntry(profile.id(), profile.name(), profile.description(), InstanceDocumentMapper.DE_TYPE,
                profile.flavorTypes().map(FlavorType::name).toSortedSet().toJavaList(),
                InstanceDocumentMapper.provision(profile), profile.labels().isEmpty() ? null : profile.labels().toJavaMap());
    }
}
