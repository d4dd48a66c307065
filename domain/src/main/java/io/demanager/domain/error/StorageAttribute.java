package io.demanager.domain.error;

import io.vavr.control.Option;

import java.util.Objects;

/**
 * A part of one of an instance's storages: its main storage, or the extended storage at {@code extendedIndex}
 * (counted from 0 in the order requested).
 */
public record StorageAttribute(Option<Integer> extendedIndex, Part part) implements Attribute {

    public enum Part { TYPE, PATH, MOUNT_PATH, ACCESS_MODE }

    public StorageAttribute {
        Objects.requireNonNull(extendedIndex, "extendedIndex");
        Objects.requireNonNull(part, "part");
    }
}
