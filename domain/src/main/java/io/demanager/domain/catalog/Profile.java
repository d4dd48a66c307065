package io.demanager.domain.catalog;

import io.vavr.collection.Map;
import io.vavr.collection.Set;

import java.util.Objects;

/**
 * A profile of the catalog: the image a notebook runs, and the hardware it is built for.
 * Only Notebook development environments provisioned as Docker on CCE exist, so those are not fields.
 */
public record Profile(
        String id,
        String name,
        String description,
        Set<FlavorType> flavorTypes,
        Image image,
        Map<String, String> labels) {

    /** The container image of a profile: SWR namespace, image name and tag. */
    public record Image(String namespace, String name, String tag) {
        public Image {
            Objects.requireNonNull(namespace, "namespace");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(tag, "tag");
        }
    }

    public Profile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(flavorTypes, "flavorTypes");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(labels, "labels");
        if (flavorTypes.isEmpty()) {
            throw new IllegalArgumentException("profile " + id + " runs on no hardware");
        }
    }

    public boolean runsOn(Flavor flavor) {
        return flavorTypes.contains(flavor.type());
    }
}
