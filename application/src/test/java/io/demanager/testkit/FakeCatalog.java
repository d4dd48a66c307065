package io.demanager.testkit;

import io.demanager.application.port.out.Catalog;
import io.demanager.domain.catalog.Flavor;
import io.demanager.domain.catalog.Profile;
import io.vavr.collection.List;

/** A catalog made of the domain objects it is given. */
public final class FakeCatalog implements Catalog {

    private final List<Flavor> flavors;
    private final List<Profile> profiles;

    public FakeCatalog(List<Flavor> flavors, List<Profile> profiles) {
        this.flavors = flavors;
        this.profiles = profiles;
    }

    @Override
    public List<Flavor> flavors() {
        return flavors;
    }

    @Override
    public List<Profile> profiles() {
        return profiles;
    }
}
