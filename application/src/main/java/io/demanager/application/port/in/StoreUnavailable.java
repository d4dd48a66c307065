package io.demanager.application.port.in;

/**
 * Thrown by a use case when a store it needs cannot be reached now (its database is down, or every connection is
 * busy); the stores behind the driven ports throw it. The failure is expected to pass: callers answer "try again
 * later" rather than treating it as a bug, and nothing was stored. It is part of the driving side's contract, so
 * that a driving adapter knows it without knowing the driven ports.
 */
public class StoreUnavailable extends RuntimeException {

    public StoreUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
