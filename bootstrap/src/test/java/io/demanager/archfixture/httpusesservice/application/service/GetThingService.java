package io.demanager.archfixture.httpusesservice.application.service;

import io.demanager.archfixture.httpusesservice.application.port.in.GetThingUseCase;

public final class GetThingService implements GetThingUseCase {

    @Override
    public String get(String id) {
        return id;
    }
}
