package io.demanager.domain.catalog;

/** The hardware a flavor offers and a profile's image is built for. */
public enum FlavorType {
    CPU, GPU, ASCEND
}
