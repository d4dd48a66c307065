package io.demanager.archfixture.adapterimplementsusecase.adapter.http;

import io.demanager.archfixture.adapterimplementsusecase.application.port.in.StopUseCase;

import java.util.ArrayList;
import java.util.List;

/** Breaks the service rule: a use case carried out in an adapter instead of a service. */
public final class StopHandler implements StopUseCase {

    private final List<String> stopped = new ArrayList<>();

    @Override
    public void stop(String id) {
        stopped.add(id);
    }
}
