package io.demanager.adapter.http;

import java.util.Map;
import java.util.Objects;

/**
 * One part the server needs, as checked now.
 *
 * @param name    its key in the readiness body, in snake case: {@code database}, {@code runtime}...
 * @param details what the check saw, shown beside the status: strings, numbers and booleans only
 */
public record HealthComponent(String name, boolean up, Map<String, Object> details) {

    public HealthComponent {
        Objects.requireNonNull(name, "name");
        details = Map.copyOf(details);
    }
}
