package io.demanager.adapter.persistence.postgres;

import io.demanager.domain.autostop.AutoStopChange;
import io.demanager.domain.autostop.AutoStopPolicy;
import io.demanager.domain.autostop.AutoStopSettings;
import io.demanager.domain.instance.Description;
import io.demanager.domain.instance.Instance;
import io.vavr.control.Option;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static io.demanager.testkit.StoreFixtures.CREATED_AT;
import static io.demanager.testkit.StoreFixtures.anInstance;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A change of settings keeps the running lease: the auto-stop engine is told of it only when it changes whether
 * that lease is warned about, not on every change of a description.
 */
class SettingsChangeLeaseNewsTest {

    private TestDatabase database;
    private PostgresPorts store;
    private Instance running;
    private final AtomicInteger news = new AtomicInteger();

    @BeforeEach
    void aRunningInstanceOnALease() {
        database = TestDatabase.migrated();
        store = database.newStore();
        running = store.insert(anInstance()
                .autoStop(new AutoStopSettings(true, Option.some(Duration.ofHours(1)), false))
                .runningUntil(CREATED_AT.plusSeconds(3_600))
                .build()).get();
        store.stores().instances().whenLeasesChange(news::incrementAndGet);
    }

    @AfterEach
    void dropSchema() {
        database.close();
    }

    @Test
    void aNewDescriptionIsNoNews() {
        store.modifySettings(running.projectId(), running.id(), current -> current.modify(
                Option.some(new Description("new")), AutoStopChange.NONE, AutoStopPolicy.DEFAULT, current.updatedAt())).get();

        assertThat(news).hasValue(0);
    }

    @Test
    void askingForTheWarningIsNews() {
        store.modifySettings(running.projectId(), running.id(), current -> current.modify(Option.none(),
                new AutoStopChange(Option.none(), Option.none(), Option.some(true)), AutoStopPolicy.DEFAULT,
                current.updatedAt())).get();

        assertThat(news).hasValue(1);
    }
}
