package io.demanager.application.port.out;

import io.demanager.domain.catalog.Flavor;
import io.demanager.domain.catalog.Profile;
import io.vavr.collection.List;
import io.vavr.control.Option;

/** The flavors and profiles an operator offers. */
public interface Catalog {

    Option<Flavor> flavor(String name);

    Option<Profile> profile(String id);

    List<Flavor> flavors();

    List<Profile> profiles();
}
