package io.demanager.adapter.http.document;

/** The delete answer. */
public record DeletedInstanceDocument(String instanceId) {
}
