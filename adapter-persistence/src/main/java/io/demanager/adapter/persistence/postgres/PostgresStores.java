package io.demanager.adapter.persistence.postgres;

import io.demanager.application.port.out.Stores;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;

import javax.crypto.SecretKey;
import javax.sql.DataSource;

/**
 * The stores of one PostgreSQL database, one per port: they share its connections (and so their outage handling,
 * see {@link DatabaseCalls}) and the one definition of an instance row.
 */
public record PostgresStores(PostgresInstances instances, PostgresInstanceEvents events, PostgresLeaseClaims leaseClaims,
                             PostgresQueues queues, PostgresEventFeed eventFeed, PostgresWebhookOutbox webhookOutbox,
                             PostgresRetentionClaims retentionClaims) {

    /**
     * The stores over a migrated database (see {@link PostgresDatabase}).
     *
     * @param credentialKey the AES key that seals credentials at rest; the same key must open them later
     */
    public static PostgresStores create(DataSource dataSource, SecretKey credentialKey) {
        var database = new DatabaseCalls(dataSource, Jdbi.create(dataSource).installPlugin(new PostgresPlugin()));
        var rows = new InstanceRows(new CredentialCipher(credentialKey));
        var transitions = new Transitions(rows);
        var insertion = new Insertion(rows);
        return new PostgresStores(new PostgresInstances(database, rows, transitions, insertion), new PostgresInstanceEvents(database),
                new PostgresLeaseClaims(database, rows, transitions), new PostgresQueues(database, rows, transitions, insertion),
                new PostgresEventFeed(database), new PostgresWebhookOutbox(database),
                new PostgresRetentionClaims(database, rows, transitions));
    }

    /** These stores behind the store ports, as the services are wired over them. */
    public Stores stores() {
        return new Stores(instances, queues, events, leaseClaims, queues, instances, eventFeed, retentionClaims);
    }
}
