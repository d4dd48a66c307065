package io.demanager.archfixture.httpusesservice.application.port.in;

public interface GetThingUseCase {

    String get(String id);
}
