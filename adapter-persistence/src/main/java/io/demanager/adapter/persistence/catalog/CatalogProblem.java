package io.demanager.adapter.persistence.catalog;

/** What is wrong with a value of the catalog document, and where; the caller adds which file it is. */
final class CatalogProblem extends RuntimeException {

    CatalogProblem(String path, String problem) {
        super((path.isEmpty() ? "the document" : path) + ": " + problem);
    }
}
