package io.demanager.archfixture.httpusesdrivenport.adapter.http;

import io.demanager.archfixture.httpusesdrivenport.application.port.out.CallerIdentities;

/** Breaks the rule: the HTTP adapter asks a driven port itself instead of a use case. */
public final class Authentication {

    private final CallerIdentities identities;

    public Authentication(CallerIdentities identities) {
        this.identities = identities;
    }

    public boolean knows(String token) {
        return identities.userOf(token).isPresent();
    }
}
