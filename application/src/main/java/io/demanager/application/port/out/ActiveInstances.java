package io.demanager.application.port.out;

import io.demanager.domain.error.DomainError;
import io.demanager.domain.instance.Instance;
import io.demanager.domain.instance.TransitionCause;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.util.function.Function;

/**
 * The places of the free flavors: how many instances of a flavor hold capacity now, across every project (see
 * {@code InstanceStatus#holdsCapacity}), and the writes that may take one. Those writes are admissions: one at a
 * time per flavor across every server sharing the store, each deciding on the places as they are while it holds
 * them, so that no two writers count the same free place.
 */
public interface ActiveInstances {

    long countHoldingCapacity(String flavorName);

    /**
     * A free flavor's places as an admission sees them.
     *
     * @param taken  instances of the flavor that hold capacity
     * @param queued instances of the flavor waiting in its queue
     */
    record Places(long taken, long queued) {
    }

    /**
     * Insert the new instance {@code decide} answers for the places of {@code flavorName} as they are while this
     * admission holds them, with its creation event, as {@link InstanceStore#insert} does (a duplicate live name:
     * 6301). An error {@code decide} answers stores nothing.
     */
    Either<DomainError, Instance> insertAdmitting(String flavorName, Function<Places, Either<DomainError, Instance>> decide);

    /**
     * Write the transition {@code decide} answers for the places as they are while this admission holds them, as
     * {@link InstanceStore#update} does: {@link InstanceStore.StaleWrite} if the version it was read at is gone.
     */
    Either<DomainError, Either<InstanceStore.StaleWrite, Instance>> updateAdmitting(
            String flavorName, Function<Places, Either<DomainError, Instance>> decide, TransitionCause cause);

    /**
     * If fewer than {@code capacity} instances of {@code flavorName} hold capacity, let the oldest queued instance in:
     * change it with {@code admit} and write it with {@code cause}, all while this admission holds the places. None
     * when there is no room, nobody waits, or {@code admit} refuses.
     */
    Option<Instance> admitOldest(String flavorName, long capacity, Function<Instance, Either<DomainError, Instance>> admit,
                                 TransitionCause cause);
}
