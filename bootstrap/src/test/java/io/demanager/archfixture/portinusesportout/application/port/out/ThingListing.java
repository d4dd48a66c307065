package io.demanager.archfixture.portinusesportout.application.port.out;

/** The store's query. */
public record ThingListing(String owner, int limit) {
}
