package io.demanager.bootstrap;

import io.demanager.application.port.in.GetInstanceQuery;
import static io.demanager.testkit.Principals.MEMBER;
import io.demanager.adapter.persistence.catalog.JsonCatalog;
import io.demanager.adapter.persistence.postgres.PostgresDatabase;
import io.demanager.adapter.persistence.postgres.PostgresPorts;
import io.demanager.adapter.persistence.postgres.PostgresStores;
import io.demanager.adapter.persistence.postgres.TestDatabase;
import io.demanager.application.port.in.InstanceEventsQuery;
import io.demanager.application.port.in.InstanceRef;
import io.demanager.application.port.in.InstanceActionCommand;
import io.demanager.application.port.in.InstanceActionCommand.Action;
import io.demanager.bootstrap.autostop.AutoStopEngineSettings;
import io.demanager.adapter.runtime.simulated.SimulatedRuntimeSettings;
import io.demanager.domain.autostop.AutoStopPolicy;
import io.demanager.domain.instance.Instance;
import io.demanager.domain.instance.InstanceStatus;
import io.demanager.domain.instance.LifecycleEvent;
import io.demanager.domain.instance.TransitionCause;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.control.Option;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.crypto.SecretKey;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static io.demanager.bootstrap.CreateRequests.PAID_CPU;
import static io.demanager.bootstrap.CreateRequests.create;
import static io.demanager.bootstrap.Eventually.waitUntil;
import static io.demanager.testkit.InstanceBuilder.anInstance;
import static org.assertj.core.api.Assertions.assertThat;

/** A server stops while work is in flight, and another one starts on the same PostgreSQL database. */
class ServerRestartTest {

    private static final AutoStopEngineSettings ENGINE = new AutoStopEngineSettings(100, Duration.ofMillis(50));

    private TestDatabase database;
    private SecretKey credentialKey;

    @BeforeEach
    void createSchema() {
        database = TestDatabase.migrated();
        credentialKey = TestDatabase.newCredentialKey();
    }

    @AfterEach
    void dropSchema() {
        database.close();
    }

    @Test
    void theRuntimeWorkLostWithTheFirstServerIsAskedForAgainByTheNextOneSoNothingStaysCreatingOrStopping() {
        InstanceRef creating;
        InstanceRef stopping;
        try (PostgresDatabase pool = database.connectAnotherPool("first-server");
             Assembly first = node(pool, Duration.ofHours(1))) {
            creating = refOf(first.useCases().create().create(create("creating", PAID_CPU)).get().instance());
            stopping = refOf(storeOfTheServers().insert(anInstance().status(InstanceStatus.RUNNING).build()).get());
            first.useCases().action().act(new InstanceActionCommand(MEMBER, stopping, Action.STOP, Option.none())).get();
        }

        try (PostgresDatabase pool = database.connectAnotherPool("next-server");
             Assembly next = node(pool, Duration.ZERO)) {
            assertThat(next.resumeRuntimeWork()).isEqualTo(2);

            waitUntil("the creation is done", () -> status(next, creating) == InstanceStatus.RUNNING);
            waitUntil("the stop is done", () -> status(next, stopping) == InstanceStatus.STOPPED);
            assertThat(events(next, creating).map(LifecycleEvent::to))
                    .containsExactly(InstanceStatus.RUNNING, InstanceStatus.CREATING);
        }
    }

    @Test
    void leasesThatRanOutWhileNoServerRanAreStoppedAsSoonAsTheNextServerStarts() {
        Instant present = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        InstanceRef overdue = refOf(storeOfTheServers().insert(anInstance().runningUntil(present.minus(Duration.ofHours(5)))
                .build()).get());

        try (PostgresDatabase pool = database.connectAnotherPool("next-server");
             Assembly next = node(pool, Duration.ZERO)) {
            next.start();

            waitUntil("the overdue instance is stopped", () -> status(next, overdue) == InstanceStatus.STOPPED);
            assertThat(events(next, overdue).map(event -> event.to() + " by " + event.cause())).startsWith(
                    "STOPPED by " + TransitionCause.RUNTIME_PROGRESS, "STOPPING by " + TransitionCause.AUTO_STOP);
        }
    }

    /** The servers' key opens what this store seals: a running instance's notebook token. */
    private PostgresPorts storeOfTheServers() {
        return database.newStore(credentialKey);
    }

    private Assembly node(PostgresDatabase pool, Duration runtimeDelay) {
        var store = PostgresStores.create(pool.dataSource(), credentialKey);
        return Assemblies.assembly(store.stores(), JsonCatalog.fromClasspath(), AutoStopPolicy.DEFAULT,
                new SimulatedRuntimeSettings(runtimeDelay, 0, HashSet.empty()), ENGINE, lateness -> { });
    }

    private static InstanceRef refOf(Instance instance) {
        return new InstanceRef(instance.projectId(), instance.id());
    }

    private static InstanceStatus status(Assembly node, InstanceRef ref) {
        return node.useCases().get().get(new GetInstanceQuery(MEMBER, ref)).get().instance().status();
    }

    private static List<LifecycleEvent> events(Assembly node, InstanceRef ref) {
        return node.useCases().events().events(new InstanceEventsQuery(MEMBER, ref, 0, 0)).get().events();
    }
}
