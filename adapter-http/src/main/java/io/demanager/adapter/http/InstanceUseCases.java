package io.demanager.adapter.http;

import io.demanager.application.port.in.CreateInstanceUseCase;
import io.demanager.application.port.in.DeleteInstanceUseCase;
import io.demanager.application.port.in.GetAccessTokenUseCase;
import io.demanager.application.port.in.GetInstanceUseCase;
import io.demanager.application.port.in.ListInstanceEventsUseCase;
import io.demanager.application.port.in.ListInstancesUseCase;
import io.demanager.application.port.in.ManageInstanceUseCase;
import io.demanager.application.port.in.ModifyInstanceUseCase;

import java.util.Objects;

/** The driving ports the HTTP API calls: one per operation of section 3 of {@code docs/devenviron-api.md}, and the instance's events. */
public record InstanceUseCases(
        CreateInstanceUseCase create,
        ListInstancesUseCase list,
        GetInstanceUseCase get,
        ModifyInstanceUseCase modify,
        DeleteInstanceUseCase delete,
        ManageInstanceUseCase manage,
        GetAccessTokenUseCase accessToken,
        ListInstanceEventsUseCase events) {

    public InstanceUseCases {
        Objects.requireNonNull(create, "create");
        Objects.requireNonNull(list, "list");
        Objects.requireNonNull(get, "get");
        Objects.requireNonNull(modify, "modify");
        Objects.requireNonNull(delete, "delete");
        Objects.requireNonNull(manage, "manage");
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(events, "events");
    }
}
