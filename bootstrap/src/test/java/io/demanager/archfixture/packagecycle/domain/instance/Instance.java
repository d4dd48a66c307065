package io.demanager.archfixture.packagecycle.domain.instance;

import io.demanager.archfixture.packagecycle.domain.autostop.Lease;

/** With {@link Lease}, a cycle between two packages of the same part. */
public record Instance(String id, Lease lease) {
}
