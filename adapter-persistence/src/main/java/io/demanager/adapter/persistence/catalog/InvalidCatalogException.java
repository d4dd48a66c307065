package io.demanager.adapter.persistence.catalog;

/** A catalog file that cannot be used; the message names the file and the problem, for the operator. */
public final class InvalidCatalogException extends RuntimeException {

    InvalidCatalogException(String message) {
        super(message);
    }

    InvalidCatalogException(String message, Throwable cause) {
        super(message, cause);
    }
}
