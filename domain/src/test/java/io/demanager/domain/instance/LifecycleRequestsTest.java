package io.demanager.domain.instance;

import io.demanager.domain.error.DomainError;
import io.demanager.domain.error.InstanceAttribute;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static io.demanager.domain.Fixtures.FREE_CPU;
import static io.demanager.domain.Fixtures.NOW;
import static io.demanager.domain.Fixtures.PAID_CPU;
import static io.demanager.domain.Fixtures.instance;
import static org.assertj.core.api.Assertions.assertThat;

/** The requests table of section 4 of docs/devenviron-api.md, cell by cell, through {@link Instance}'s methods. */
class LifecycleRequestsTest {

    /** The refusal of the domain behind each ModelArts code of the table (the HTTP adapter gives it that code). */
    private static final Map<String, Class<? extends DomainError>> REFUSAL_BY_CODE = Map.of(
            "6304", DomainError.StopBeforeDeleting.class,
            "6305", DomainError.AlreadyRunning.class,
            "6306", DomainError.InstanceStarting.class,
            "6307", DomainError.AlreadyStopped.class,
            "6308", DomainError.InstanceStopping.class,
            "6309", DomainError.InstanceNotFound.class,
            "6357", DomainError.OperationNotAllowed.class);

    /**
     * The contract's table, one row per status (the spec groups some), re-stated here by hand. A cell is the status
     * the request leads to, or the ModelArts code it is refused with; DELETED stands for "removed". The last row is
     * the rule that a deleted instance is gone for every later request.
     */
    private static final String TABLE = """
            from            start     stop      restart     queue          dequeue   delete
            STOPPED         STARTING  6307      6357        START_QUEUING  6357      DELETED
            RUNNING         6305      STOPPING  RESTARTING  6357           6357      6304
            CREATING        6306      6306      6306        6357           6357      6306
            STARTING        6306      6306      6306        6357           6357      6306
            RESTARTING      6306      6306      6306        6357           6357      6306
            READY_TO_START  6306      6306      6306        6357           6357      6306
            STOPPING        6308      6308      6308        6308           6308      6308
            CREATE_QUEUING  6357      6357      6357        6357           STOPPED   DELETED
            START_QUEUING   6357      6357      6357        6357           STOPPED   DELETED
            START_FAILED    STARTING  6307      6357        START_QUEUING  6357      DELETED
            CREATE_FAILED   6357      6357      6357        6357           6357      DELETED
            UNAVAILABLE     6357      6357      6357        6357           6357      DELETED
            RESIZE_FAILED   6357      6357      6357        6357           6357      DELETED
            RESIZING        6357      6357      6357        6357           6357      6357
            DELETED         6309      6309      6309        6309           6309      6309
            """;

    static Stream<Arguments> everyCell() {
        List<String[]> rows = TABLE.lines().map(line -> line.trim().split("\\s+")).toList();
        String[] requests = rows.get(0);
        return rows.stream().skip(1).flatMap(row -> IntStream.range(1, requests.length)
                .mapToObj(column -> Arguments.of(InstanceStatus.valueOf(row[0]), requests[column], row[column])));
    }

    static Stream<Arguments> everyCellButQueueing() {
        return everyCell().filter(cell -> !List.of("queue", "dequeue").contains(cell.get()[1]));
    }

    @Test
    void theTableHasARowForEveryStatus() {
        assertThat(everyCell().map(cell -> cell.get()[0]).distinct()).containsExactlyInAnyOrder(InstanceStatus.values());
    }

    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @MethodSource("everyCell")
    void aRequestOnAFreeFlavorWithRoomLeftFollowsTheTable(InstanceStatus from, String request, String expected) {
        assertOutcome(apply(request, instance(from, FREE_CPU)), expected);
    }

    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @MethodSource("everyCellButQueueing")
    void aRequestOnAPaidFlavorFollowsTheSameTable(InstanceStatus from, String request, String expected) {
        assertOutcome(apply(request, instance(from, PAID_CPU)), expected);
    }

    @ParameterizedTest
    @EnumSource(value = InstanceStatus.class, names = "DELETED", mode = EnumSource.Mode.EXCLUDE)
    void queueAndDequeueOnAPaidFlavorAreAnIncorrectAction(InstanceStatus from) {
        Instance paid = instance(from, PAID_CPU);

        for (Either<DomainError, Instance> outcome : List.of(paid.queue(NOW), paid.dequeue(NOW))) {
            assertThat(outcome.getLeft()).isEqualTo(new DomainError.IncorrectValue(InstanceAttribute.USER_REQUEST));
        }
    }

    @Test
    void aDeletedInstanceOfAPaidFlavorIsGoneForQueueAndDequeueToo() {
        Instance deleted = instance(InstanceStatus.DELETED, PAID_CPU);

        assertThat(deleted.queue(NOW).getLeft()).isInstanceOf(DomainError.InstanceNotFound.class);
        assertThat(deleted.dequeue(NOW).getLeft()).isInstanceOf(DomainError.InstanceNotFound.class);
    }

    @Test
    void startOnAFreeFlavorWithNoRoomLeftQueues() {
        for (InstanceStatus startable : List.of(InstanceStatus.STOPPED, InstanceStatus.START_FAILED)) {
            Instance queued = instance(startable, FREE_CPU).start(false, NOW).get();

            assertThat(queued.status()).isEqualTo(InstanceStatus.START_QUEUING);
            assertThat(queued.queuedSince()).containsExactly(NOW);
        }
    }

    @Test
    void startOnAPaidFlavorIgnoresFreeCapacity() {
        assertThat(instance(InstanceStatus.STOPPED, PAID_CPU).start(false, NOW).get().status())
                .isEqualTo(InstanceStatus.STARTING);
    }

    @Test
    void startWithNoRoomLeftIsStillRefusedWhereTheTableRefusesIt() {
        assertThat(instance(InstanceStatus.RUNNING, FREE_CPU).start(false, NOW).getLeft()).isInstanceOf(DomainError.AlreadyRunning.class);
    }

    @Test
    void dequeueEndsTheWait() {
        Instance dequeued = instance(InstanceStatus.START_QUEUING, FREE_CPU).dequeue(NOW).get();

        assertThat(dequeued.queuedSince()).isEmpty();
    }

    @Test
    void aRefusalThatNamesNoCodeOfItsOwnSaysWhichStatusRefusedWhichRequest() {
        DomainError refused = instance(InstanceStatus.RESIZING, FREE_CPU).queue(NOW).getLeft();

        assertThat(refused).isEqualTo(new DomainError.OperationNotAllowed("RESIZING", "queue"));
    }

    private static Either<DomainError, Instance> apply(String request, Instance instance) {
        switch (request) {
            case "start": return instance.start(true, NOW);
            case "stop": return instance.stop(NOW);
            case "restart": return instance.restart(NOW);
            case "queue": return instance.queue(NOW);
            case "dequeue": return instance.dequeue(NOW);
            case "delete": return instance.delete(NOW);
            default: throw new IllegalArgumentException("not a request of the table: " + request);
        }
    }

    private static void assertOutcome(Either<DomainError, Instance> outcome, String expected) {
        if (expected.matches("\\d{4}")) {
            assertThat(outcome.isLeft()).as("refused, but went to %s", outcome.map(Instance::status)).isTrue();
            assertThat(outcome.getLeft()).isInstanceOf(REFUSAL_BY_CODE.get(expected));
            return;
        }
        assertThat(outcome.isRight()).as("allowed, but refused with %s", outcome.swap()).isTrue();
        Instance moved = outcome.get();
        assertThat(moved.status()).isEqualTo(InstanceStatus.valueOf(expected));
        assertThat(moved.updatedAt()).isEqualTo(NOW);
        assertThat(moved.queuedSince()).isEqualTo(moved.status().isQueued() ? Option.some(NOW) : Option.none());
    }
}
