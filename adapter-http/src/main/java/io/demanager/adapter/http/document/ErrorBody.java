package io.demanager.adapter.http.document;

/** The body of every error answer. */
public record ErrorBody(String errorCode, String errorMessage) {
}
