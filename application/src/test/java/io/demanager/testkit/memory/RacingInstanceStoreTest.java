package io.demanager.testkit.memory;

import io.demanager.application.port.out.InstanceStore.StaleWrite;
import io.demanager.domain.autostop.AutoStopChange;
import io.demanager.domain.autostop.AutoStopPolicy;
import io.demanager.domain.instance.Description;
import io.demanager.domain.instance.Instance;
import io.demanager.domain.instance.TransitionCause;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import static io.demanager.testkit.InstanceBuilder.PROJECT;
import static io.demanager.testkit.InstanceBuilder.anInstance;
import static org.assertj.core.api.Assertions.assertThat;

class RacingInstanceStoreTest {

    private final InMemoryInstanceStore store = new InMemoryInstanceStore();
    private final RacingInstanceStore racing = new RacingInstanceStore(store);

    @Test
    void eachRacedUpdateLosesToTheOtherWriterWhoseChangeTakesTheNextVersionThenUpdatesGoThrough() {
        Instance stored = store.given(anInstance().description("old").version(3).build());
        racing.raceNextUpdates(2, instance -> described(instance, "theirs"));

        assertThat(racing.update(described(stored, "mine"), TransitionCause.USER_REQUEST).getLeft())
                .isEqualTo(new StaleWrite(stored.id(), 3));
        Instance afterFirstRace = store.find(PROJECT, stored.id()).get();
        assertThat(afterFirstRace.version()).isEqualTo(4);
        assertThat(afterFirstRace.description().value()).isEqualTo("theirs");

        assertThat(racing.update(afterFirstRace, TransitionCause.USER_REQUEST).isLeft()).isTrue();
        Instance afterSecondRace = store.find(PROJECT, stored.id()).get();
        assertThat(afterSecondRace.version()).isEqualTo(5);

        Instance mine = racing.update(described(afterSecondRace, "mine"), TransitionCause.USER_REQUEST).get();
        assertThat(mine.version()).isEqualTo(6);
        assertThat(store.find(PROJECT, stored.id())).containsExactly(mine);
    }

    private static Instance described(Instance instance, String description) {
        return instance.modify(Option.some(new Description(description)), AutoStopChange.NONE, AutoStopPolicy.DEFAULT,
                instance.updatedAt()).get();
    }
}
