package io.demanager.bootstrap;

/** The server cannot start, for a reason an operator can act on; the message names the variable to look at. */
public final class StartFailure extends RuntimeException {

    StartFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
