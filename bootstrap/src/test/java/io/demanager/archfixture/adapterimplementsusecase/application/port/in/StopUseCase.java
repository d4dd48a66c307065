package io.demanager.archfixture.adapterimplementsusecase.application.port.in;

public interface StopUseCase {

    void stop(String id);
}
