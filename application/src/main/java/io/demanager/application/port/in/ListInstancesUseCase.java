package io.demanager.application.port.in;

import io.demanager.domain.error.DomainError;
import io.vavr.collection.List;
import io.vavr.control.Either;

public interface ListInstancesUseCase {

    Either<DomainError, InstanceList> list(ListInstancesQuery query);

    /** {@code totalCount} counts every match, not just this page. */
    record InstanceList(long totalCount, List<InstanceSnapshot> instances) {
    }
}
