package io.demanager.application.port.out;

import io.demanager.domain.catalog.Flavor;
import io.demanager.domain.catalog.Profile;
import io.vavr.collection.List;
import io.vavr.control.Option;

/** The flavors and profiles an operator offers. */
public interface Catalog {

    List<Flavor> flavors();

    List<Profile> profiles();

    default Option<Flavor> flavor(String name) {
        return flavors().find(flavor -> flavor.name().equals(name));
    }

    default Option<Profile> profile(String id) {
        return profiles().find(profile -> profile.id().equals(id));
    }
}
