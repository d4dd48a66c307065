package io.demanager.adapter.http.document;

/** The action answer. */
public record StatusChangeDocument(String currentStatus, String previousState) {
}
