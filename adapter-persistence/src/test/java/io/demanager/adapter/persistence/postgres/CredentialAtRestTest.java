package io.demanager.adapter.persistence.postgres;

import io.demanager.domain.instance.Credential;
import io.demanager.domain.instance.Instance;
import io.demanager.domain.instance.InstanceStatus;
import io.demanager.domain.instance.NotebookAccess;
import io.demanager.domain.instance.TransitionCause;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.demanager.testkit.StoreFixtures.everythingFilled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A dump of the database reveals neither a credential nor a notebook token, and only the store's key opens them again. */
class CredentialAtRestTest {

    private TestDatabase database;
    private PostgresPorts store;
    private Instance stored;
    private Credential credential;

    @BeforeEach
    void storeAnInstanceWithACredential() {
        database = TestDatabase.migrated();
        store = database.newStore();
        stored = store.insert(everythingFilled(InstanceStatus.STOPPED).build()).get();
        credential = stored.spec().credential().get();
    }

    @AfterEach
    void dropSchema() {
        database.close();
    }

    @Test
    void theStoredRowHoldsNeitherTheSecretNorTheAccessKeyButTheStoreGivesThemBack() {
        String row = database.jdbi().withHandle(handle -> handle.createQuery("SELECT i::text FROM instance AS i")
                .mapTo(String.class).one());

        assertThat(row).contains(stored.name().value())
                .doesNotContain(credential.secretAccessKey())
                .doesNotContain(credential.accessKeyId());
        assertThat(store.find(stored.projectId(), stored.id()).get().spec().credential()).containsExactly(credential);
    }

    @Test
    void deletingErasesTheSealedCredentialFromTheRowThatStays() {
        store.update(stored.delete(stored.updatedAt().plusSeconds(1)).get(), TransitionCause.USER_REQUEST).get();

        var row = database.jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT status, credential IS NULL AS erased, i::text AS everything FROM instance AS i WHERE id = :id")
                .bind("id", stored.id().uuid())
                .mapToMap().one());
        assertThat(row.get("status")).isEqualTo("DELETED");
        assertThat(row.get("erased")).isEqualTo(true);
        assertThat((String) row.get("everything")).doesNotContain(credential.accessKeyId());
    }

    @Test
    void aTransitionOtherThanTheDeleteLeavesTheSealedCredentialAndTheSpecAsTheInsertWroteThem() {
        byte[] sealedBefore = sealedCredential();
        database.jdbi().useHandle(handle -> handle.createUpdate(
                        "UPDATE instance SET spec = jsonb_set(spec, '{annotations,written}', '\"by the insert\"') WHERE id = :id")
                .bind("id", stored.id().uuid())
                .execute());

        Instance started = store.update(stored.start(true, stored.updatedAt().plusSeconds(1)).get(), TransitionCause.USER_REQUEST).get();

        assertThat(sealedCredential()).as("sealed again, it would differ: each seal draws a new nonce").isEqualTo(sealedBefore);
        Instance read = store.find(stored.projectId(), stored.id()).get();
        assertThat(read.status()).isEqualTo(started.status());
        assertThat(read.spec().annotations().get("written")).as("the spec is not written again").contains("by the insert");
        assertThat(read.spec().credential()).containsExactly(credential);
    }

    @Test
    void aStoreWithAnotherKeyCannotReadTheInstanceAndSaysSoRatherThanNotFindingIt() {
        PostgresPorts withAnotherKey = database.newStore();

        assertThatThrownBy(() -> withAnotherKey.find(stored.projectId(), stored.id()))
                .hasRootCauseInstanceOf(javax.crypto.AEADBadTagException.class);
    }

    @Test
    void aSealedCredentialCopiedOntoAnotherRowDoesNotOpenThere() {
        Instance other = store.insert(everythingFilled(InstanceStatus.STOPPED).name("other").build()).get();

        database.jdbi().useHandle(handle -> handle.createUpdate(
                        "UPDATE instance SET credential = (SELECT credential FROM instance WHERE id = :from) WHERE id = :to")
                .bind("from", stored.id().uuid())
                .bind("to", other.id().uuid())
                .execute());

        assertThatThrownBy(() -> store.find(other.projectId(), other.id())).isInstanceOf(IllegalStateException.class);
    }

    private byte[] sealedCredential() {
        return database.jdbi().withHandle(handle -> handle.createQuery("SELECT credential FROM instance WHERE id = :id")
                .bind("id", stored.id().uuid())
                .mapTo(byte[].class).one());
    }

    @Test
    void theTokenOfARunningNotebookIsSealedTooAndOnlyTheStoreOpensIt() {
        Instance running = store.insert(everythingFilled(InstanceStatus.RUNNING).name("running").build()).get();
        NotebookAccess access = running.access().get();

        String row = database.jdbi().withHandle(handle -> handle.createQuery("SELECT i::text FROM instance AS i WHERE id = :id")
                .bind("id", running.id().uuid()).mapTo(String.class).one());

        assertThat(row).contains(access.url()).doesNotContain(access.token());
        assertThat(store.find(running.projectId(), running.id()).get().access()).containsExactly(access);
    }

    @Test
    void aSealedCredentialCopiedIntoTheTokenColumnDoesNotOpenThere() {
        Instance running = store.insert(everythingFilled(InstanceStatus.RUNNING).name("running").build()).get();

        database.jdbi().useHandle(handle -> handle.createUpdate("UPDATE instance SET notebook_token = credential WHERE id = :id")
                .bind("id", running.id().uuid())
                .execute());

        assertThatThrownBy(() -> store.find(running.projectId(), running.id())).isInstanceOf(IllegalStateException.class);
    }
}
