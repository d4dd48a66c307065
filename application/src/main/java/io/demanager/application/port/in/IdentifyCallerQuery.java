package io.demanager.application.port.in;

import io.vavr.control.Option;

import java.util.Objects;

/**
 * A caller as a request presents itself: the token it carries, if any, and the project it names, as written.
 */
public record IdentifyCallerQuery(Option<String> token, String project) {

    public IdentifyCallerQuery {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(project, "project");
    }
}
