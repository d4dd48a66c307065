package io.demanager.adapter.http.json;

import io.demanager.domain.error.Attribute;
import io.demanager.domain.error.InstanceAttribute;
import io.demanager.domain.error.StorageAttribute;

/**
 * Where the API writes each attribute of the domain: its path in a request body, as error messages name it
 * ({@code project_id} is the path parameter of that name).
 */
public final class BodyPaths {

    private BodyPaths() {
    }

    public static String of(Attribute attribute) {
        return attribute instanceof StorageAttribute storage ? of(storage) : of((InstanceAttribute) attribute);
    }

    private static String of(InstanceAttribute attribute) {
        return switch (attribute) {
            case PROJECT -> "project_id";
            case NAME -> "name";
            case DESCRIPTION -> "description";
            case PROFILE -> "profile_id";
            case FLAVOR -> "flavor";
            case AUTO_STOP_ENABLED -> "spec.auto_stop.enable";
            case IDLE_STOP_SECONDS -> "spec.idle_stop.idle_seconds";
            case USER_REQUEST -> "action";
            case WORKSPACE -> "workspace.id";
            case AI_PROJECT -> "ai_project.id";
            case POOL -> "pool.id";
            case POOL_TYPE -> "pool.type";
            case ACCESS_KEY -> "spec.credential.access_key";
            case SECRET_KEY -> "spec.credential.secret_key";
        };
    }

    private static String of(StorageAttribute attribute) {
        String storage = attribute.extendedIndex().map(index -> "spec.extend_storage[" + index + "]").getOrElse("spec.storage");
        return storage + switch (attribute.part()) {
            case TYPE -> ".type";
            case PATH -> ".location.path";
            case MOUNT_PATH -> ".location.mount_path";
            case ACCESS_MODE -> ".location.access_modes";
        };
    }
}
