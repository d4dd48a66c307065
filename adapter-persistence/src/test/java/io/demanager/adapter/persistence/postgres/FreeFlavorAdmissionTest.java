package io.demanager.adapter.persistence.postgres;

import io.demanager.application.port.in.CreateInstanceCommand;
import io.demanager.application.port.in.GetInstanceQuery;
import io.demanager.application.port.in.InstanceRef;
import io.demanager.application.port.in.InstanceSnapshot;
import io.demanager.application.port.in.QueuePosition;
import io.demanager.application.port.out.StatusChangePublisher;
import io.demanager.application.service.ApplicationServices;
import io.demanager.domain.autostop.AutoStopChange;
import io.demanager.domain.autostop.AutoStopPolicy;
import io.demanager.domain.autostop.LeaseRenewalPolicy;
import io.demanager.domain.instance.FailedReason;
import io.demanager.domain.instance.Instance;
import io.demanager.domain.instance.InstanceCreation;
import io.demanager.domain.instance.InstanceId;
import io.demanager.domain.instance.InstanceStatus;
import io.demanager.domain.instance.RuntimeEvent;
import io.demanager.domain.instance.Storage;
import io.demanager.testkit.Principals;
import io.demanager.testkit.RecordingRuntime;
import io.demanager.testkit.SampleCatalog;
import io.vavr.collection.HashMap;
import io.vavr.collection.List;
import io.vavr.control.Option;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.LongStream;

import static io.demanager.testkit.StoreFixtures.PROJECT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two servers (two application stacks, each with its own pool of connections) on one PostgreSQL admit into a free
 * flavor of capacity 5 at once: exactly 5 get a place, and the others queue with ranks that count up from 1.
 */
class FreeFlavorAdmissionTest {

    private static final int CAPACITY = 5;
    private static final int CREATES = 50;

    private TestDatabase test;
    private PostgresDatabase secondPool;
    private List<ApplicationServices> replicas;
    private ExecutorService threads;

    @BeforeEach
    void startTwoReplicas() {
        test = TestDatabase.migrated();
        secondPool = test.connectAnotherPool("replica-b");
        replicas = List.of(
                replica(test.newStore().stores().stores()),
                replica(PostgresStores.create(secondPool.dataSource(), TestDatabase.newCredentialKey()).stores()));
        threads = Executors.newFixedThreadPool(CREATES);
    }

    @AfterEach
    void stop() {
        threads.shutdownNow();
        secondPool.close();
        test.close();
    }

    @Test
    void fiftyConcurrentCreatesOnTwoReplicasAdmitExactlyTheCapacityAndQueueTheRestInRankOrder() throws Exception {
        List<Instance> created = allAtOnce(CREATES, i -> replicas.get(i % 2).instanceUseCases().create().create(
                new CreateInstanceCommand(Principals.MEMBER, freeRequest("notebook-" + i))).get().instance());

        List<Instance> admitted = created.filter(instance -> instance.status() == InstanceStatus.CREATING);
        assertThat(admitted).hasSize(CAPACITY);
        assertThat(created.count(instance -> instance.status() == InstanceStatus.CREATE_QUEUING)).isEqualTo(CREATES - CAPACITY);
        assertThat(ranksOfQueued(created)).containsExactlyElementsOf(LongStream.rangeClosed(1, CREATES - CAPACITY).boxed().toList());
    }

    @Test
    void placesFreedAtOnceOnTwoReplicasLetInAsManyOfTheQueueAsWereFreedEachOnce() throws Exception {
        List<Instance> created = List.range(0, 10).map(i -> replicas.get(0).instanceUseCases().create().create(
                new CreateInstanceCommand(Principals.MEMBER, freeRequest("notebook-" + i))).get().instance());
        List<Instance> admitted = created.filter(instance -> instance.status() == InstanceStatus.CREATING);
        List<Instance> queuedFirst = current(created).filter(instance -> instance.status().isQueued())
                .sortBy(instance -> instance.queuedSince().get().toString() + instance.id().value()).take(CAPACITY);

        allAtOnce(CAPACITY, i -> replicas.get(i % 2).runtimeProgress().record(
                new InstanceRef(PROJECT, admitted.get(i).id()), new RuntimeEvent.CreateFailed(new FailedReason("E", "failed", HashMap.empty()))));

        List<Instance> after = current(created);
        assertThat(after.count(instance -> instance.status() == InstanceStatus.CREATING)).isEqualTo(CAPACITY);
        assertThat(after.filter(instance -> instance.status() == InstanceStatus.CREATING).map(Instance::id))
                .containsExactlyInAnyOrderElementsOf(queuedFirst.map(Instance::id));
        assertThat(after.count(instance -> instance.status() == InstanceStatus.CREATE_FAILED)).isEqualTo(CAPACITY);
        assertThat(after.count(instance -> instance.status().isQueued())).isZero();
    }

    private <T> List<T> allAtOnce(int count, Function<Integer, T> call) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        java.util.List<Future<T>> calls = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            int index = i;
            calls.add(threads.submit(() -> {
                start.await();
                return call.apply(index);
            }));
        }
        start.countDown();
        java.util.List<T> results = new java.util.ArrayList<>();
        for (Future<T> result : calls) {
            results.add(result.get());
        }
        return List.ofAll(results);
    }

    private List<Instance> current(List<Instance> instances) {
        return instances.map(instance -> snapshot(instance).instance());
    }

    private List<Long> ranksOfQueued(List<Instance> instances) {
        return instances.map(this::snapshot)
                .flatMap(InstanceSnapshot::queuePosition)
                .map(QueuePosition::rank)
                .sorted();
    }

    private InstanceSnapshot snapshot(Instance instance) {
        return replicas.get(1).instanceUseCases().get()
                .get(new GetInstanceQuery(Principals.MEMBER, new InstanceRef(PROJECT, instance.id()))).get();
    }

    private static ApplicationServices replica(io.demanager.application.port.out.Stores stores) {
        return new ApplicationServices(stores, SampleCatalog.catalog(), new RecordingRuntime(),
                () -> new InstanceId(UUID.randomUUID()), lateness -> { }, StatusChangePublisher.NONE,
                new ApplicationServices.Settings(AutoStopPolicy.DEFAULT, CAPACITY, LeaseRenewalPolicy.DEFAULT, Duration.ofMinutes(10)),
                Clock.systemUTC());
    }

    private static InstanceCreation.Request freeRequest(String name) {
        return new InstanceCreation.Request(PROJECT, Principals.MEMBER.user(), name, Option.none(),
                SampleCatalog.CPU_PROFILE.id(), SampleCatalog.FREE_CPU.name(),
                new Storage.Request(Option.some("evs"), Option.none(), Option.none(), Option.none(), Option.none()),
                List.empty(), AutoStopChange.NONE, Option.none(), Option.none(), Option.none(), Option.none(), HashMap.empty());
    }
}
