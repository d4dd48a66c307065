-- The lifecycle events: one row per change of an instance's status, written in the same statement as the change,
-- so that a change and its event are stored together or not at all. The instance's version after the change
-- orders its events and identifies each one.
CREATE TABLE instance_event (
    instance_id  uuid        NOT NULL,
    version      bigint      NOT NULL,
    -- NULL for the creation of the instance: an event from nothing.
    from_status  text,
    to_status    text        NOT NULL,
    cause        text        NOT NULL,
    occurred_at  timestamptz NOT NULL,

    -- Also serves the listing of an instance's events, newest first (read backwards).
    CONSTRAINT instance_event_pk PRIMARY KEY (instance_id, version),
    CONSTRAINT instance_event_instance_fk FOREIGN KEY (instance_id) REFERENCES instance (id) ON DELETE CASCADE,
    CONSTRAINT instance_event_status_known CHECK (
        (from_status IS NULL OR from_status IN (
            'CREATE_QUEUING', 'CREATING', 'CREATE_FAILED', 'START_QUEUING', 'READY_TO_START', 'STARTING',
            'RESTARTING', 'START_FAILED', 'RUNNING', 'STOPPING', 'STOPPED', 'UNAVAILABLE', 'DELETED',
            'RESIZING', 'RESIZE_FAILED'))
        AND to_status IN (
            'CREATE_QUEUING', 'CREATING', 'CREATE_FAILED', 'START_QUEUING', 'READY_TO_START', 'STARTING',
            'RESTARTING', 'START_FAILED', 'RUNNING', 'STOPPING', 'STOPPED', 'UNAVAILABLE', 'DELETED',
            'RESIZING', 'RESIZE_FAILED')),
    CONSTRAINT instance_event_changes_status CHECK (from_status IS DISTINCT FROM to_status),
    CONSTRAINT instance_event_cause_known CHECK (cause IN ('USER_REQUEST', 'AUTO_STOP', 'RUNTIME_PROGRESS', 'FAILURE')),
    CONSTRAINT instance_event_version_not_negative CHECK (version >= 0)
);
