package io.demanager.domain.instance;

import java.util.Objects;

/** The order of a list of instances: by which attribute, in which direction. */
public record InstanceSort(Key key, Direction direction) {

    public enum Key { NAME, CREATION_TIMESTAMP }

    public enum Direction { ASC, DESC }

    public InstanceSort {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(direction, "direction");
    }
}
