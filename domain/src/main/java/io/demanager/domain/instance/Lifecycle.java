package io.demanager.domain.instance;

import io.demanager.domain.error.DomainError;
import io.vavr.control.Either;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;

import static io.demanager.domain.instance.InstanceStatus.*;

/**
 * The status machine of an instance, written as the two tables of the API contract ({@code docs/devenviron-api.md}):
 * what each user request does in each status, and what each runtime event does. A refusal is named for what
 * the caller is told: {@code IS_BUSY}, for example, is "the instance is starting" (6306) while the runtime works.
 */
public final class Lifecycle {

    /** What a request does in a status: move to another status, or be refused with an error. */
    private sealed interface Outcome {
        record MoveTo(InstanceStatus target) implements Outcome { }
        record Refuse(BiFunction<InstanceStatus, UserRequest, DomainError> error) implements Outcome { }
    }

    private static final Outcome TO_STARTING = new Outcome.MoveTo(STARTING);
    private static final Outcome TO_STOPPING = new Outcome.MoveTo(STOPPING);
    private static final Outcome TO_RESTARTING = new Outcome.MoveTo(RESTARTING);
    private static final Outcome TO_START_QUEUING = new Outcome.MoveTo(START_QUEUING);
    private static final Outcome TO_STOPPED = new Outcome.MoveTo(STOPPED);
    private static final Outcome TO_DELETED = new Outcome.MoveTo(DELETED);
    private static final Outcome STOP_FIRST = new Outcome.Refuse((status, request) -> new DomainError.StopBeforeDeleting());
    private static final Outcome IS_RUNNING = new Outcome.Refuse((status, request) -> new DomainError.AlreadyRunning());
    private static final Outcome IS_BUSY = new Outcome.Refuse((status, request) -> new DomainError.InstanceStarting());
    private static final Outcome IS_STOPPED = new Outcome.Refuse((status, request) -> new DomainError.AlreadyStopped());
    private static final Outcome IS_STOPPING = new Outcome.Refuse((status, request) -> new DomainError.InstanceStopping());
    private static final Outcome NOT_ALLOWED = new Outcome.Refuse(
            (status, request) -> new DomainError.OperationNotAllowed(status.name(), request.wireName()));

    private static final Map<InstanceStatus, Map<UserRequest, Outcome>> REQUESTS = new EnumMap<>(InstanceStatus.class);

    static {
        //                        start        stop         restart        queue             dequeue      delete
        requests(STOPPED,         TO_STARTING, IS_STOPPED,  NOT_ALLOWED,   TO_START_QUEUING, NOT_ALLOWED, TO_DELETED);
        requests(RUNNING,         IS_RUNNING,  TO_STOPPING, TO_RESTARTING, NOT_ALLOWED,      NOT_ALLOWED, STOP_FIRST);
        requests(CREATING,        IS_BUSY,     IS_BUSY,     IS_BUSY,       NOT_ALLOWED,      NOT_ALLOWED, IS_BUSY);
        requests(STARTING,        IS_BUSY,     IS_BUSY,     IS_BUSY,       NOT_ALLOWED,      NOT_ALLOWED, IS_BUSY);
        requests(RESTARTING,      IS_BUSY,     IS_BUSY,     IS_BUSY,       NOT_ALLOWED,      NOT_ALLOWED, IS_BUSY);
        requests(READY_TO_START,  IS_BUSY,     IS_BUSY,     IS_BUSY,       NOT_ALLOWED,      NOT_ALLOWED, IS_BUSY);
        requests(STOPPING,        IS_STOPPING, IS_STOPPING, IS_STOPPING,   IS_STOPPING,      IS_STOPPING, IS_STOPPING);
        requests(CREATE_QUEUING,  NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED,   NOT_ALLOWED,      TO_STOPPED,  TO_DELETED);
        requests(START_QUEUING,   NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED,   NOT_ALLOWED,      TO_STOPPED,  TO_DELETED);
        requests(START_FAILED,    TO_STARTING, IS_STOPPED,  NOT_ALLOWED,   TO_START_QUEUING, NOT_ALLOWED, TO_DELETED);
        requests(CREATE_FAILED,   NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED,   NOT_ALLOWED,      NOT_ALLOWED, TO_DELETED);
        requests(UNAVAILABLE,     NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED,   NOT_ALLOWED,      NOT_ALLOWED, TO_DELETED);
        requests(RESIZE_FAILED,   NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED,   NOT_ALLOWED,      NOT_ALLOWED, TO_DELETED);
        requests(RESIZING,        NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED,   NOT_ALLOWED,      NOT_ALLOWED, NOT_ALLOWED);
        // Not in the API's table: a deleted instance is gone, which Instance answers with 6309 first.
        requests(DELETED,         NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED,   NOT_ALLOWED,      NOT_ALLOWED, NOT_ALLOWED);
    }

    private static final Map<InstanceStatus, Map<Class<? extends RuntimeEvent>, InstanceStatus>> EVENTS =
            new EnumMap<>(InstanceStatus.class);

    static {
        event(CREATING, RuntimeEvent.Created.class, RUNNING);
        event(CREATING, RuntimeEvent.CreateFailed.class, CREATE_FAILED);
        event(STARTING, RuntimeEvent.Started.class, RUNNING);
        event(STARTING, RuntimeEvent.StartFailed.class, START_FAILED);
        event(RESTARTING, RuntimeEvent.Started.class, RUNNING);
        event(RESTARTING, RuntimeEvent.StartFailed.class, START_FAILED);
        event(STOPPING, RuntimeEvent.Stopped.class, STOPPED);
        event(RUNNING, RuntimeEvent.Faulted.class, UNAVAILABLE);
        event(CREATE_QUEUING, RuntimeEvent.CapacityFreed.class, CREATING);
        event(START_QUEUING, RuntimeEvent.CapacityFreed.class, READY_TO_START);
        event(READY_TO_START, RuntimeEvent.StartLaunched.class, STARTING);
    }

    private Lifecycle() {
    }

    /** The status a user request leads to from {@code from}, or the documented refusal. */
    public static Either<DomainError, InstanceStatus> afterRequest(InstanceStatus from, UserRequest request) {
        Outcome outcome = REQUESTS.get(from).get(request);
        if (outcome instanceof Outcome.MoveTo move) {
            return Either.right(move.target());
        }
        return Either.left(((Outcome.Refuse) outcome).error().apply(from, request));
    }

    /** The status a runtime event leads to from {@code from}; an event that does not fit the status is refused. */
    public static Either<DomainError, InstanceStatus> afterEvent(InstanceStatus from, RuntimeEvent event) {
        InstanceStatus target = EVENTS.getOrDefault(from, Map.of()).get(event.getClass());
        return target != null
                ? Either.right(target)
                : Either.left(new DomainError.OperationNotAllowed(from.name(), event.wireName()));
    }

    private static void requests(InstanceStatus from, Outcome start, Outcome stop, Outcome restart,
                                 Outcome queue, Outcome dequeue, Outcome delete) {
        Map<UserRequest, Outcome> row = new EnumMap<>(UserRequest.class);
        row.put(UserRequest.START, start);
        row.put(UserRequest.STOP, stop);
        row.put(UserRequest.RESTART, restart);
        row.put(UserRequest.QUEUE, queue);
        row.put(UserRequest.DEQUEUE, dequeue);
        row.put(UserRequest.DELETE, delete);
        REQUESTS.put(from, row);
    }

    private static void event(InstanceStatus from, Class<? extends RuntimeEvent> event, InstanceStatus to) {
        EVENTS.computeIfAbsent(from, status -> new HashMap<>()).put(event, to);
    }
}
