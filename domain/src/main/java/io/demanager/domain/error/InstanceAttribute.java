package io.demanager.domain.error;

/** An attribute of an instance, or of a request about one. */
public enum InstanceAttribute implements Attribute {
    PROJECT,
    NAME,
    DESCRIPTION,
    PROFILE,
    FLAVOR,
    AUTO_STOP_ENABLED,
    /** How long without activity stops the instance ({@code idle_stop.idle_seconds}). */
    IDLE_STOP_SECONDS,
    /** What a user asks of an existing instance: start, stop, queue... */
    USER_REQUEST,
    WORKSPACE,
    AI_PROJECT,
    POOL,
    POOL_TYPE,
    ACCESS_KEY,
    SECRET_KEY
}
