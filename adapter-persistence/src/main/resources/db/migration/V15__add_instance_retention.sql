-- Retention: an inactive instance (stopped, or failed) of a free flavor is deleted by the engine once it has been
-- inactive for its flavor's store time. inactive_since is when it became inactive, kept exactly while it is;
-- retention_end is when it is deleted unless it is started first: inactive_since plus the store time, for a free
-- flavor whose store time is not -1 (kept for ever). The application writes both with every change of status.
ALTER TABLE instance
    ADD COLUMN inactive_since timestamptz,
    ADD COLUMN retention_end  timestamptz;

-- Instances inactive already: since their last event into the status they are in, or else their last update.
UPDATE instance SET inactive_since = COALESCE(
        (SELECT max(occurred_at) FROM instance_event WHERE instance_id = instance.id AND to_status = instance.status),
        updated_at)
    WHERE status IN ('STOPPED', 'CREATE_FAILED', 'START_FAILED', 'UNAVAILABLE', 'RESIZE_FAILED');
UPDATE instance SET retention_end = inactive_since + (flavor_details ->> 'store_time_hours')::integer * interval '1 hour'
    WHERE inactive_since IS NOT NULL AND flavor_details ->> 'promo_type' = 'FREE'
        AND (flavor_details ->> 'store_time_hours')::integer >= 0;

ALTER TABLE instance
    ADD CONSTRAINT instance_inactive_exactly_while_inactive CHECK ((inactive_since IS NOT NULL)
        = (status IN ('STOPPED', 'CREATE_FAILED', 'START_FAILED', 'UNAVAILABLE', 'RESIZE_FAILED'))),
    ADD CONSTRAINT instance_retention_only_while_inactive CHECK (retention_end IS NULL OR inactive_since IS NOT NULL);

-- The retention engine's search for instances to delete: only those with an end are in it, so finding the due ones
-- costs in proportion to their number, not to the table's size.
CREATE INDEX instance_retention_due ON instance (retention_end) WHERE retention_end IS NOT NULL;

-- The engine's deletes are events of cause RETENTION. It joins the causes the constraint allows, whichever earlier
-- migrations (of branches developed at the same time) added.
DO $$
DECLARE
    allowed text;
BEGIN
    SELECT pg_get_constraintdef(oid) INTO allowed FROM pg_constraint
        WHERE conrelid = 'instance_event'::regclass AND conname = 'instance_event_cause_known';
    IF position('ARRAY[' IN allowed) = 0 THEN
        RAISE EXCEPTION 'instance_event_cause_known is not a list of causes: %', allowed;
    END IF;
    ALTER TABLE instance_event DROP CONSTRAINT instance_event_cause_known;
    EXECUTE 'ALTER TABLE instance_event ADD CONSTRAINT instance_event_cause_known '
        || replace(allowed, 'ARRAY[', 'ARRAY[''RETENTION''::text, ');
END $$;
