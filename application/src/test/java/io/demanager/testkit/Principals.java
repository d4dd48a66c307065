package io.demanager.testkit;

import io.demanager.application.port.in.Principal;
import io.vavr.collection.HashSet;

import static io.demanager.testkit.InstanceBuilder.OWNER;
import static io.demanager.testkit.InstanceBuilder.PROJECT;

/** The principals the application's tests act as. */
public final class Principals {

    /** The owner {@link InstanceBuilder} gives instances, granted everything in {@link InstanceBuilder#PROJECT}. */
    public static final Principal MEMBER = Principal.withEverythingIn(OWNER, HashSet.of(PROJECT));

    private Principals() {
    }
}
