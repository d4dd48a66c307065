package io.demanager.application.port.out;

import io.vavr.control.Option;

/**
 * The identity system that issues the tokens callers present ({@code X-Auth-Token}). The default adapter reads the
 * tokens from configuration; an embedding service plugs in its own.
 */
public interface CallerIdentities {

    /** The caller a token names; none for a token nobody issued (or no longer valid). */
    Option<Caller> byToken(String token);
}
