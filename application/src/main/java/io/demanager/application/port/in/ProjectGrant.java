package io.demanager.application.port.in;

import io.demanager.domain.instance.Instance;
import io.demanager.domain.instance.UserRef;
import io.vavr.collection.Set;

import java.util.Objects;

/**
 * What a principal may do in one project.
 *
 * @param ownInstancesOnly whether it sees and acts on only the instances it owns; others' are not there for it
 */
public record ProjectGrant(Set<Permission> permissions, boolean ownInstancesOnly) {

    /** Every permission on every instance of the project. */
    public static final ProjectGrant EVERYTHING = new ProjectGrant(Permission.ALL, false);

    public ProjectGrant {
        Objects.requireNonNull(permissions, "permissions");
    }

    public boolean grants(Permission permission) {
        return permissions.contains(permission);
    }

    /** Whether {@code user} holding this grant may see {@code instance} of the project. */
    public boolean reaches(UserRef user, Instance instance) {
        return !ownInstancesOnly || instance.owner().id().equals(user.id());
    }
}
