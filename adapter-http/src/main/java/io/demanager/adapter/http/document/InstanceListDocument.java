package io.demanager.adapter.http.document;

import java.util.List;

/** The list answer: {@code total_count} counts every match, {@code instances} holds this page. */
public record InstanceListDocument(long totalCount, List<InstanceDocument> instances) {
}
