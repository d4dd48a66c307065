package io.demanager.application.port.out;

import io.demanager.application.port.in.Principal;
import io.vavr.control.Option;

/**
 * The identity system that issues the tokens callers present, and says what each token's holder is granted. The
 * default adapter reads the tokens from configuration; an embedding service plugs in its own. The rule that
 * decides from the principal is the application's, not the identity system's.
 */
public interface CallerIdentities {

    /** The principal a token names; none for a token nobody issued (or no longer valid). */
    Option<Principal> byToken(String token);
}
