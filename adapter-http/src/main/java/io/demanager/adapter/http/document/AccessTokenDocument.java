package io.demanager.adapter.http.document;

/** The token answer. */
public record AccessTokenDocument(String token) {
}
