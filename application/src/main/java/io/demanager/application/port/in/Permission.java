package io.demanager.application.port.in;

import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Set;
import io.vavr.control.Option;

import java.util.Locale;

/**
 * What a principal may be granted in a project, one per kind of request, the way ModelArts' IAM grants its
 * notebook actions: {@code access} is taking the token that opens a notebook.
 */
public enum Permission {
    CREATE, LIST, GET, UPDATE, DELETE, ACTION, ACCESS;

    public static final Set<Permission> ALL = HashSet.of(values());

    /** The name IAM and the tokens file give it: {@code create}, {@code list}, ... */
    public String iamName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Option<Permission> ofIamName(String name) {
        return List.of(values()).find(permission -> permission.iamName().equals(name));
    }
}
