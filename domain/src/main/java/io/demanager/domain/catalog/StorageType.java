package io.demanager.domain.catalog;

import java.util.Locale;

/** Where a notebook keeps its work: an OBS folder, an OBS parallel file system, or an EVS disk. */
public enum StorageType {
    OBS, OBSFS, EVS;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
