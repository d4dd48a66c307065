package io.demanager.adapter.persistence.postgres;

import io.demanager.application.port.out.ActiveInstances;
import io.demanager.application.port.out.InstanceStore.StaleWrite;
import io.demanager.application.port.out.QueuedInstances;
import io.demanager.domain.error.DomainError;
import io.demanager.domain.instance.Instance;
import io.demanager.domain.instance.InstanceStatus;
import io.demanager.domain.instance.TransitionCause;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The free flavors' queues and places on PostgreSQL, across every project. An admission is one transaction that
 * first locks its flavor's row of {@code free_flavor_admission}: admissions of one flavor take turns on every server,
 * and each counts the places after the one before it committed, then writes. A write that gives a place back takes
 * no lock: it can only make an admission's count too high for a moment, never too low, and the queue's head is let
 * in after it. Admissions of this process wait for their turn before they take a connection ({@link WriterTurns}).
 */
public final class PostgresQueues implements QueuedInstances, ActiveInstances {

    static final String COUNT_HOLDING_CAPACITY = "SELECT count(*) FROM instance"
            + " WHERE flavor = :flavor AND status = ANY(:statuses)";

    static final String[] STATUSES_HOLDING_CAPACITY = List.of(InstanceStatus.values())
            .filter(InstanceStatus::holdsCapacity)
            .map(Enum::name)
            .toJavaArray(String[]::new);

    /** Queued rows are never DELETED: only CREATE_QUEUING and START_QUEUING have {@code queued_since} (index {@code instance_queue}). */
    static final String OLDEST_QUEUED = "SELECT " + InstanceRows.NAMES + " FROM instance"
            + " WHERE flavor = :flavor AND queued_since IS NOT NULL ORDER BY queued_since, id LIMIT :limit";

    /** Creates the flavor's row the first time, and locks it until the transaction ends, whoever created it. */
    static final String HOLD_ADMISSIONS = "INSERT INTO free_flavor_admission (flavor) VALUES (:flavor)"
            + " ON CONFLICT (flavor) DO UPDATE SET flavor = EXCLUDED.flavor";

    static final String PLACES = "SELECT count(*) FILTER (WHERE status = ANY(:statuses)) AS taken,"
            + " count(*) FILTER (WHERE queued_since IS NOT NULL) AS queued"
            + " FROM instance WHERE flavor = :flavor";

    static final String RANK = "SELECT count(*) FROM instance"
            + " WHERE flavor = :flavor AND queued_since IS NOT NULL AND (queued_since, id) <= (:queued_since, :id)";

    static final String PLACES_FREE_AT = "SELECT lease_stop_at FROM instance WHERE flavor = :flavor AND status = ANY(:statuses)";

    static final String QUEUED = "SELECT count(*) FROM instance WHERE flavor = :flavor AND queued_since IS NOT NULL";

    private final DatabaseCalls database;
    private final InstanceRows rows;
    private final Transitions transitions;
    private final Insertion insertion;
    private final WriterTurns turns = new WriterTurns();

    PostgresQueues(DatabaseCalls database, InstanceRows rows, Transitions transitions, Insertion insertion) {
        this.database = database;
        this.rows = rows;
        this.transitions = transitions;
        this.insertion = insertion;
    }

    /** Counted across every project: a free flavor's capacity is shared by all. */
    @Override
    public long countHoldingCapacity(String flavorName) {
        return database.withHandle(handle -> countHoldingCapacity(handle, flavorName));
    }

    /** A duplicate name rolls the whole admission back. */
    @Override
    public Either<DomainError, Instance> insertAdmitting(String flavorName, Function<Places, Either<DomainError, Instance>> decide) {
        AtomicReference<String> triedName = new AtomicReference<>();
        return Insertion.unlessNameTaken(() -> turns.inTurn(flavorName, () -> database.inTransaction(handle ->
                        decide.apply(hold(handle, flavorName))
                                .peek(decided -> triedName.set(decided.name().value()))
                                .map(decided -> insertion.write(handle, decided)))),
                triedName::get);
    }

    @Override
    public Either<DomainError, Either<StaleWrite, Instance>> updateAdmitting(
            String flavorName, Function<Places, Either<DomainError, Instance>> decide, TransitionCause cause) {
        return turns.inTurn(flavorName, () -> database.inTransaction(handle -> decide.apply(hold(handle, flavorName))
                .map(changed -> transitions.write(handle, changed, cause)
                        .toEither(() -> new StaleWrite(changed.id(), changed.version())))));
    }

    /** The head is locked with the flavor: a user's dequeue of it waits, then finds its version gone. */
    @Override
    public Option<Instance> admitOldest(String flavorName, long capacity, Function<Instance, Either<DomainError, Instance>> admit,
                                        TransitionCause cause) {
        return turns.inTurn(flavorName, () -> database.inTransaction(handle -> {
            Places places = hold(handle, flavorName);
            if (places.taken() >= capacity) {
                return Option.<Instance>none();
            }
            return oldestQueued(handle, flavorName, 1, " FOR UPDATE").headOption()
                    .flatMap(head -> admit.apply(head).toOption())
                    .flatMap(admitted -> transitions.write(handle, admitted, cause));
        }));
    }

    @Override
    public List<Instance> oldestQueued(String flavorName, int limit) {
        return database.withHandle(handle -> oldestQueued(handle, flavorName, limit, ""));
    }

    @Override
    public long rank(Instance queued) {
        return database.withHandle(handle -> handle.createQuery(RANK)
                .bind("flavor", queued.flavor().name())
                .bind("queued_since", queued.queuedSince().get().atOffset(ZoneOffset.UTC))
                .bind("id", queued.id().uuid())
                .mapTo(Long.class)
                .one());
    }

    /** Read in one snapshot, so that the places and the queue agree. */
    @Override
    public QueueState state(String flavorName) {
        return database.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, handle -> {
            List<Option<Instant>> placesFreeAt = List.ofAll(handle.createQuery(PLACES_FREE_AT)
                    .bind("flavor", flavorName)
                    .bind("statuses", STATUSES_HOLDING_CAPACITY)
                    .map((result, context) -> Option.of(result.getObject(1, OffsetDateTime.class)).map(OffsetDateTime::toInstant))
                    .list());
            long queued = handle.createQuery(QUEUED).bind("flavor", flavorName).mapTo(Long.class).one();
            return new QueueState(placesFreeAt, queued);
        });
    }

    /** Lock the flavor's admissions, then count its places: what the admissions before this one committed is counted. */
    private static Places hold(Handle handle, String flavorName) {
        handle.createUpdate(HOLD_ADMISSIONS).bind("flavor", flavorName).execute();
        return handle.createQuery(PLACES)
                .bind("flavor", flavorName)
                .bind("statuses", STATUSES_HOLDING_CAPACITY)
                .map((result, context) -> new Places(result.getLong("taken"), result.getLong("queued")))
                .one();
    }

    private static long countHoldingCapacity(Handle handle, String flavorName) {
        return handle.createQuery(COUNT_HOLDING_CAPACITY)
                .bind("flavor", flavorName)
                .bind("statuses", STATUSES_HOLDING_CAPACITY)
                .mapTo(Long.class)
                .one();
    }

    private List<Instance> oldestQueued(Handle handle, String flavorName, int limit, String lock) {
        return List.ofAll(handle.createQuery(OLDEST_QUEUED + lock)
                .bind("flavor", flavorName)
                .bind("limit", limit)
                .map(rows)
                .list());
    }
}
