-- Outbound events: the event stream and the webhooks follow the events in the order they were committed.
--
-- The transaction that wrote each event. An event's number (id) is taken when it is written, not when it commits,
-- so a reader that went by numbers could pass over one that commits late. Every event written by a transaction
-- older than the oldest one still running is committed (or gone with its transaction), and no event can be added
-- before it in (written_by, id) order: that is the order readers follow, reading only that far.
ALTER TABLE instance_event ADD COLUMN written_by xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE INDEX instance_event_in_commit_order ON instance_event (written_by, id);

-- Where webhooks are delivered: the servers write the URLs of their configuration here when they start.
CREATE TABLE webhook_endpoint (
    url text NOT NULL,
    CONSTRAINT webhook_endpoint_pk PRIMARY KEY (url)
);

-- The outbox: one row per event and endpoint still to deliver, written in the transaction that writes the event
-- (trigger below), deleted once the endpoint accepted it. A delivery being tried has next_attempt_at pushed ahead
-- by the time it may take, so that another server tries it again only if this one died; one that failed as often
-- as allowed is kept, given up, for the operators.
CREATE TABLE webhook_outbox (
    endpoint         text        NOT NULL,
    event_id         bigint      NOT NULL,
    attempts         integer     NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL DEFAULT now(),
    last_failure     text,
    given_up_at      timestamptz,

    CONSTRAINT webhook_outbox_pk PRIMARY KEY (endpoint, event_id),
    CONSTRAINT webhook_outbox_endpoint_fk FOREIGN KEY (endpoint) REFERENCES webhook_endpoint (url) ON DELETE CASCADE,
    CONSTRAINT webhook_outbox_attempts_not_negative CHECK (attempts >= 0)
);
-- The deliveries to try, soonest first: those given up are out of it.
CREATE INDEX webhook_outbox_due ON webhook_outbox (next_attempt_at) WHERE given_up_at IS NULL;

-- Once per statement that wrote events: an outbox row for each event and endpoint, and one notification per
-- transaction (sent at commit) on the channel the event streams of every server listen on.
CREATE FUNCTION publish_written_events() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM written) THEN
        INSERT INTO webhook_outbox (endpoint, event_id) SELECT url, id FROM written, webhook_endpoint;
        PERFORM pg_notify('demanager_event_written', '');
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER instance_event_published AFTER INSERT ON instance_event
    REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION publish_written_events();
