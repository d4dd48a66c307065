package io.demanager.adapter.persistence.postgres;

import io.demanager.domain.autostop.AutoStopChange;
import io.demanager.domain.autostop.AutoStopPolicy;
import io.demanager.domain.error.DomainError;
import io.demanager.domain.instance.Description;
import io.demanager.domain.instance.Instance;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.crypto.SecretKey;
import java.util.ArrayList;
import java.util.List;

import static io.demanager.testkit.StoreFixtures.anInstance;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two servers share one database: a change of settings that another server's write overtakes between its read and
 * its write is not refused, nor written over the newer state, but made again on that state.
 */
class ModifyAcrossServersTest {

    private TestDatabase database;
    private PostgresPorts here;
    private PostgresPorts elsewhere;
    private Instance original;

    @BeforeEach
    void twoServersOverOneDatabase() {
        database = TestDatabase.migrated();
        SecretKey sharedKey = TestDatabase.newCredentialKey();
        here = database.newStore(sharedKey);
        elsewhere = database.newStore(sharedKey);
        original = here.insert(anInstance().description("original").build()).get();
    }

    @AfterEach
    void dropSchema() {
        database.close();
    }

    @Test
    void aChangeOvertakenByAnotherServersWriteIsMadeAgainOnTheNewerState() {
        List<String> descriptionsSeen = new ArrayList<>();

        Either<DomainError, Instance> changed = here.modifySettings(original.projectId(), original.id(), current -> {
            descriptionsSeen.add(current.description().value());
            if (descriptionsSeen.size() == 1) {
                elsewhere.modifySettings(original.projectId(), original.id(), theirs -> described(theirs, "elsewhere")).get();
            }
            return described(current, current.description().value() + ", then here");
        });

        assertThat(descriptionsSeen).containsExactly("original", "elsewhere");
        assertThat(changed.map(instance -> instance.description().value())).containsExactly("elsewhere, then here");
        assertThat(changed.map(Instance::version)).containsExactly(2L);
        assertThat(here.find(original.projectId(), original.id())).containsExactly(changed.get());
    }

    @Test
    void aChangeNothingOvertakesIsAskedOnce() {
        List<String> descriptionsSeen = new ArrayList<>();

        Either<DomainError, Instance> changed = here.modifySettings(original.projectId(), original.id(), current -> {
            descriptionsSeen.add(current.description().value());
            return described(current, "here");
        });

        assertThat(descriptionsSeen).containsExactly("original");
        assertThat(changed.map(Instance::version)).containsExactly(1L);
        assertThat(elsewhere.find(original.projectId(), original.id())).containsExactly(changed.get());
    }

    private static Either<DomainError, Instance> described(Instance instance, String description) {
        return instance.modify(Option.some(new Description(description)), AutoStopChange.NONE, AutoStopPolicy.DEFAULT,
                instance.updatedAt().plusSeconds(1));
    }
}
