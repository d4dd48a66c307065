package io.demanager.adapter.persistence.postgres;

import io.demanager.application.port.in.InstanceRef;
import io.demanager.application.port.in.InstanceSnapshot;
import io.demanager.application.port.in.ModifyInstanceCommand;
import io.demanager.application.port.in.Principal;
import io.demanager.application.service.ModifyInstanceService;
import io.demanager.domain.autostop.AutoStopChange;
import io.demanager.domain.autostop.AutoStopPolicy;
import io.demanager.domain.autostop.AutoStopSettings;
import io.demanager.domain.error.DomainError;
import io.demanager.domain.idle.IdleStopPolicy;
import io.demanager.domain.instance.Description;
import io.demanager.domain.instance.Instance;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.demanager.testkit.StoreFixtures.anInstance;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fifty requests modify one instance at once through the real modify use case: half change the description,
 * half the auto-stop settings. Each is acknowledged (none is refused: they take turns), and what is stored at the
 * end is, field by field, the last acknowledged change: the one the store wrote at the highest version.
 */
class ConcurrentModifyTest {

    private static final int REQUESTS = 50;

    private TestDatabase database;
    private PostgresPorts store;
    private ModifyInstanceService modify;
    private Instance original;

    /** One request and its answer; the change is a description (even requests) or auto-stop settings (odd ones). */
    private record Answer(int request, Either<DomainError, InstanceSnapshot> result) {

        boolean changesDescription() {
            return request % 2 == 0;
        }

        long acknowledgedVersion() {
            return result.get().instance().version();
        }
    }

    @BeforeEach
    void storeOneInstance() {
        database = TestDatabase.migrated();
        store = database.newStore();
        modify = new ModifyInstanceService(store, AutoStopPolicy.DEFAULT, IdleStopPolicy.DEFAULT, Clock.systemUTC());
        original = store.insert(anInstance().description("original").build()).get();
    }

    @AfterEach
    void dropSchema() {
        database.close();
    }

    @Test
    void everyRequestIsAcknowledgedAndEachFieldHoldsItsLastAcknowledgedChange() throws Exception {
        List<Answer> answers = sendAllAtOnce();

        assertThat(answers.filter(answer -> answer.result().isLeft()).map(answer -> answer.result().getLeft()))
                .as("no request is refused, not even with 6357").isEmpty();
        List<Answer> acknowledged = answers.filter(answer -> answer.result().isRight());
        assertThat(acknowledged.map(Answer::acknowledgedVersion))
                .as("each acknowledged change was written once, at a version of its own")
                .doesNotHaveDuplicates()
                .allSatisfy(version -> assertThat(version).isBetween(1L, (long) REQUESTS));

        Instance stored = store.find(original.projectId(), original.id()).get();
        assertThat(stored.version()).isEqualTo(acknowledged.size());
        assertThat(stored.description()).isEqualTo(lastAcknowledged(acknowledged.filter(Answer::changesDescription))
                .map(answer -> descriptionOf(answer.request())).getOrElse(original.description()));
        assertThat(stored.autoStop()).isEqualTo(lastAcknowledged(acknowledged.reject(Answer::changesDescription))
                .map(answer -> autoStopOf(answer.request())).getOrElse(original.autoStop()));
    }

    private List<Answer> sendAllAtOnce() throws InterruptedException, ExecutionException, java.util.concurrent.TimeoutException {
        ExecutorService threads = Executors.newFixedThreadPool(REQUESTS);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Answer>> pending = List.range(0, REQUESTS).map(request -> threads.submit(() -> {
                go.await();
                return new Answer(request, modify.modify(commandFor(request)));
            }));
            go.countDown();
            var answers = new java.util.ArrayList<Answer>();
            for (Future<Answer> answer : pending) {
                // An exception thrown by a request fails the test here, with its cause.
                answers.add(answer.get(2, TimeUnit.MINUTES));
            }
            return List.ofAll(answers);
        } finally {
            threads.shutdownNow();
        }
    }

    private ModifyInstanceCommand commandFor(int request) {
        InstanceRef ref = new InstanceRef(original.projectId(), original.id());
        Principal owner = Principal.withEverythingIn(original.owner(), HashSet.of(original.projectId()));
        if (request % 2 == 0) {
            return new ModifyInstanceCommand(owner, ref, Option.some(descriptionOf(request)), AutoStopChange.NONE, Option.none());
        }
        AutoStopSettings settings = autoStopOf(request);
        return new ModifyInstanceCommand(owner, ref, Option.none(),
                new AutoStopChange(Option.some(settings.enabled()), settings.duration().map(Duration::getSeconds),
                        Option.some(settings.prompt())),
                Option.none());
    }

    private static Description descriptionOf(int request) {
        return new Description("change " + request);
    }

    /** Every request's settings differ: the duration names the request, the prompt alternates. */
    private static AutoStopSettings autoStopOf(int request) {
        return new AutoStopSettings(true, Option.some(Duration.ofSeconds(3_600L + request)), request % 4 == 1);
    }

    private static Option<Answer> lastAcknowledged(List<Answer> acknowledged) {
        return acknowledged.maxBy(Answer::acknowledgedVersion);
    }
}
