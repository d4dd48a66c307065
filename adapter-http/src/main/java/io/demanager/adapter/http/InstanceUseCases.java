package io.demanager.adapter.http;

import io.demanager.application.port.in.CreateInstanceUseCase;
import io.demanager.application.port.in.DeleteInstanceUseCase;
import io.demanager.application.port.in.GetAccessTokenUseCase;
import io.demanager.application.port.in.GetInstanceUseCase;
import io.demanager.application.port.in.ListInstanceEventsUseCase;
import io.demanager.application.port.in.ListInstancesUseCase;
import io.demanager.application.port.in.ManageInstanceUseCase;
import io.demanager.application.port.in.ModifyInstanceUseCase;
import io.demanager.application.port.in.RenewLeaseUseCase;

import java.util.Objects;

/**
 * The driving ports the HTTP API calls: one per operation of section 3 of {@code docs/devenviron-api.md}, the
 * instance's events and the renewal of its lease.
 */
public record InstanceUseCases(
        CreateInstanceUseCase create,
        ListInstancesUseCase list,
        GetInstanceUseCase get,
        ModifyInstanceUseCase modify,
        DeleteInstanceUseCase delete,
        ManageInstanceUseCase manage,
        GetAccessTokenUseCase accessToken,
        ListInstanceEventsUseCase events,
        RenewLeaseUseCase renew) {

    public InstanceUseCases {
        Objects.requireNonNull(create, "create");
        Objects.requireNonNull(list, "list");
        Objects.requireNonNull(get, "get");
        Objects.requireNonNull(modify, "modify");
        Objects.requireNonNull(delete, "delete");
        Objects.requireNonNull(manage, "manage");
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(renew, "renew");
    }
}
