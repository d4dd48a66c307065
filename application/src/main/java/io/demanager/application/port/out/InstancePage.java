package io.demanager.application.port.out;

import io.demanager.domain.instance.Instance;
import io.vavr.collection.List;

/** One page of a listing; {@code totalCount} counts every match, not just this page. */
public record InstancePage(long totalCount, List<Instance> instances) {
}
