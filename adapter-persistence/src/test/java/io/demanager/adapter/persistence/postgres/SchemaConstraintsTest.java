package io.demanager.adapter.persistence.postgres;

import io.demanager.domain.instance.Instance;
import io.demanager.domain.instance.InstanceStatus;
import io.demanager.domain.instance.TransitionCause;
import io.demanager.testkit.StoreFixtures;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.postgresql.util.PSQLException;

import static io.demanager.testkit.StoreFixtures.anInstance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The schema refuses, by a constraint named after it, every row that breaks an invariant of the domain. */
class SchemaConstraintsTest {

    private static TestDatabase database;
    private Instance stored;

    @BeforeAll
    static void createSchema() {
        database = TestDatabase.migrated();
    }

    @AfterAll
    static void dropSchema() {
        database.close();
    }

    @BeforeEach
    void storeAStoppedInstance() {
        database.jdbi().useHandle(handle -> handle.execute("TRUNCATE instance, instance_event"));
        stored = database.newStore().insert(anInstance().name("stored").status(InstanceStatus.STOPPED).build()).get();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            instance_status_known                    | status = 'PAUSED', inactive_since = NULL
            instance_version_not_negative            | version = -1
            instance_project_id_form                 | project_id = 'a project'
            instance_name_form                       | name = 'no spaces'
            instance_description_form                | description = 'a < b'
            instance_description_form                | description = repeat('x', 513)
            instance_lease_only_while_running        | lease_stop_at = now()
            instance_queued_exactly_while_queuing    | queued_since = now()
            instance_queued_exactly_while_queuing    | status = 'START_QUEUING', inactive_since = NULL
            instance_auto_stop_duration_positive     | auto_stop_duration_seconds = 0
            instance_enabled_auto_stop_has_duration  | auto_stop_enabled = true, auto_stop_duration_seconds = NULL
            instance_pool_complete                   | pool_id = 'pool-1'
            instance_inactive_exactly_while_inactive | inactive_since = NULL
            instance_inactive_exactly_while_inactive | status = 'CREATING'
            instance_retention_only_while_inactive   | status = 'RUNNING', inactive_since = NULL, retention_end = now()
            """)
    void aRowBreakingAnInvariantIsRefusedByItsNamedConstraint(String constraint, String assignment) {
        assertThatThrownBy(() -> database.jdbi().useHandle(handle -> handle.execute("UPDATE instance SET " + assignment)))
                .isInstanceOfSatisfying(UnableToExecuteStatementException.class,
                        e -> assertThat(violatedConstraint(e)).isEqualTo(constraint));
        assertThat(database.newStore().find(stored.projectId(), stored.id())).containsExactly(stored);
    }

    /** The stored instance has one event: its creation, from nothing to STOPPED. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            instance_event_status_known         | to_status = 'PAUSED'
            instance_event_status_known         | from_status = 'PAUSED'
            instance_event_changes_status       | from_status = to_status
            instance_event_cause_known          | cause = 'BOREDOM'
            instance_event_version_not_negative | version = -1
            instance_event_instance_fk          | instance_id = gen_random_uuid()
            """)
    void anEventBreakingAnInvariantIsRefusedByItsNamedConstraint(String constraint, String assignment) {
        var before = database.newStore().events(stored.projectId(), stored.id(), 0, 0);

        assertThatThrownBy(() -> database.jdbi().useHandle(handle -> handle.execute("UPDATE instance_event SET " + assignment)))
                .isInstanceOfSatisfying(UnableToExecuteStatementException.class,
                        e -> assertThat(violatedConstraint(e)).isEqualTo(constraint));
        assertThat(database.newStore().events(stored.projectId(), stored.id(), 0, 0)).isEqualTo(before);
    }

    @Test
    void anInstanceHasOneEventPerVersion() {
        assertThatThrownBy(() -> database.jdbi().useHandle(handle -> handle.execute(
                "INSERT INTO instance_event SELECT * FROM instance_event")))
                .isInstanceOfSatisfying(UnableToExecuteStatementException.class,
                        e -> assertThat(violatedConstraint(e)).isEqualTo("instance_event_pk"));
    }

    @Test
    void aSecondLiveInstanceOfANameIsRefusedByTheLiveNameIndexButADeletedOneIsNot() {
        var store = database.newStore();
        Instance other = store.insert(anInstance().name("other").build()).get();

        assertThatThrownBy(() -> database.jdbi().useHandle(handle -> handle.execute(
                "UPDATE instance SET name = 'stored' WHERE id = ?", other.id().uuid())))
                .isInstanceOfSatisfying(UnableToExecuteStatementException.class,
                        e -> assertThat(violatedConstraint(e)).isEqualTo("instance_live_name_unique"));

        store.update(stored.delete(StoreFixtures.CREATED_AT.plusSeconds(1)).get(), TransitionCause.USER_REQUEST);
        database.jdbi().useHandle(handle -> handle.execute("UPDATE instance SET name = 'stored' WHERE id = ?", other.id().uuid()));
        assertThat(store.find(other.projectId(), other.id()).get().name().value()).isEqualTo("stored");
    }

    private static String violatedConstraint(UnableToExecuteStatementException e) {
        return ((PSQLException) e.getCause()).getServerErrorMessage().getConstraint();
    }
}
