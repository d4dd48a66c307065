package io.demanager.application.port.in;

import io.demanager.application.port.out.InstanceListing;
import io.vavr.collection.List;

public interface ListInstancesUseCase {

    InstanceList list(InstanceListing query);

    /** {@code totalCount} counts every match, not just this page. */
    record InstanceList(long totalCount, List<InstanceSnapshot> instances) {
    }
}
