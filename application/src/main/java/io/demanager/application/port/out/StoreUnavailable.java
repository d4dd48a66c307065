package io.demanager.application.port.out;

/**
 * Thrown by a store that cannot be reached now (its database is down, or every connection is busy). The failure
 * is expected to pass: callers answer "try again later" rather than treating it as a bug, and nothing was stored.
 */
public class StoreUnavailable extends RuntimeException {

    public StoreUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
