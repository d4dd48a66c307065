package io.demanager.application.port.out;

/** How many instances of a flavor hold capacity now, across every project (see {@code InstanceStatus#holdsCapacity}). */
public interface ActiveInstances {

    long countHoldingCapacity(String flavorName);
}
