package io.demanager.application.service;

import io.demanager.application.port.in.InstanceSnapshot;
import io.demanager.application.port.in.ModifyInstanceCommand;
import io.demanager.application.port.in.ModifyInstanceUseCase;
import io.demanager.application.port.out.InstanceStore;
import io.demanager.domain.autostop.AutoStopPolicy;
import io.demanager.domain.error.DomainError;
import io.demanager.domain.instance.Instance;
import io.demanager.domain.instance.TransitionCause;
import io.vavr.control.Either;

import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Modify re-reads and re-applies the command when its write loses a race, so that two concurrent
 * changes of different fields both survive. After {@link #MAX_ATTEMPTS} lost races it gives up with 6357.
 */
public final class ModifyInstanceService implements ModifyInstanceUseCase {

    /** With the back-off below, eight attempts wait about a quarter of a second in all before giving up. */
    static final int MAX_ATTEMPTS = 8;

    private final InstanceStore store;
    private final InstanceLookup lookup;
    private final AutoStopPolicy policy;
    private final Clock clock;

    public ModifyInstanceService(InstanceStore store, AutoStopPolicy policy, Clock clock) {
        this.store = store;
        this.lookup = new InstanceLookup(store);
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public Either<DomainError, InstanceSnapshot> modify(ModifyInstanceCommand command) {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            var now = clock.instant();
            Either<DomainError, Instance> changed = lookup.findAt(command.instance(), command.expectedVersion())
                    .flatMap(current -> current.modify(command.description(), command.autoStop(), policy, now));
            if (changed.isLeft()) {
                return Either.left(changed.getLeft());
            }
            var stored = store.update(changed.get(), TransitionCause.USER_REQUEST);
            if (stored.isRight()) {
                return Either.right(new InstanceSnapshot(stored.get(), now));
            }
            backOff(attempt);
        }
        return Either.left(new DomainError.OperationNotAllowed("changing", "modify"));
    }

    /**
     * After a lost race, wait a random moment that grows with each attempt (up to 2^attempt ms), so that writers
     * crowding one instance spread out instead of colliding again in lockstep.
     */
    private static void backOff(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1L << attempt));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
