package io.demanager.bootstrap.identity;

import io.demanager.application.port.in.Principal;
import io.demanager.application.port.out.CallerIdentities;
import io.vavr.control.Option;

/** Several identity systems at once: a token names the caller the first of them knows it for. */
public record FirstKnownCaller(CallerIdentities first, CallerIdentities second) implements CallerIdentities {

    @Override
    public Option<Principal> byToken(String token) {
        return first.byToken(token).orElse(() -> second.byToken(token));
    }
}
