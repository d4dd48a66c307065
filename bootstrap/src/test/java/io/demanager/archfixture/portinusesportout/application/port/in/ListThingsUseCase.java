package io.demanager.archfixture.portinusesportout.application.port.in;

import io.demanager.archfixture.portinusesportout.application.port.out.ThingListing;

import java.util.List;

/** Breaks the rule: the use case takes the store's query instead of a query of its own. */
public interface ListThingsUseCase {

    List<String> list(ThingListing query);
}
