package io.demanager.domain.instance;

import java.util.Locale;

/** What a user may ask of an existing instance, besides modifying it. */
public enum UserRequest {
    START, STOP, RESTART, QUEUE, DEQUEUE, DELETE;

    /** The name used in the API's {@code action} field and in error messages. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
