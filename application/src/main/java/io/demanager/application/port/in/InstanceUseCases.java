package io.demanager.application.port.in;

import java.util.Objects;

/**
 * The use cases a client of the instance API drives: one per operation on instances, their lifecycle events, the
 * renewal of the running lease, the catalog instances are created from, the watch of the project's events as
 * they happen, and an instance's activity as idle stop judges it.
 * A driving adapter (the HTTP API) is given them all at once.
 */
public record InstanceUseCases(
        CreateInstanceUseCase create,
        ListInstancesUseCase list,
        GetInstanceUseCase get,
        ModifyInstanceUseCase modify,
        DeleteInstanceUseCase delete,
        InstanceActionUseCase action,
        GetAccessTokenUseCase accessToken,
        ListInstanceEventsUseCase events,
        RenewLeaseUseCase renew,
        ViewCatalogUseCase catalog,
        WatchEventsUseCase watchEvents,
        GetInstanceActivityUseCase activity) {

    public InstanceUseCases {
        Objects.requireNonNull(create, "create");
        Objects.requireNonNull(list, "list");
        Objects.requireNonNull(get, "get");
        Objects.requireNonNull(modify, "modify");
        Objects.requireNonNull(delete, "delete");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(renew, "renew");
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(watchEvents, "watchEvents");
        Objects.requireNonNull(activity, "activity");
    }
}
