-- One row per notebook instance. Fields that are filtered, sorted or scanned are columns; the nested
-- documents that are only read back whole (profile, flavor details, spec, failure) are JSONB.
-- Every constraint is named after the domain invariant it mirrors.
CREATE TABLE instance (
    id                          uuid        NOT NULL,
    project_id                  text        COLLATE "C" NOT NULL,
    name                        text        COLLATE "C" NOT NULL,
    description                 text        NOT NULL,
    status                      text        NOT NULL,
    flavor                      text        NOT NULL,
    workspace_id                text        NOT NULL,
    ai_project_id               text        NOT NULL,
    pool_id                     text,
    pool_name                   text,
    pool_owner_project_id       text,
    owner_id                    text        NOT NULL,
    owner_name                  text        NOT NULL,
    created_at                  timestamptz NOT NULL,
    updated_at                  timestamptz NOT NULL,
    version                     bigint      NOT NULL,
    auto_stop_enabled           boolean     NOT NULL,
    auto_stop_duration_seconds  bigint,
    auto_stop_prompt            boolean     NOT NULL,
    lease_stop_at               timestamptz,
    queued_since                timestamptz,
    profile                     jsonb       NOT NULL,
    flavor_details              jsonb       NOT NULL,
    spec                        jsonb       NOT NULL,
    failure                     jsonb,
    -- The object-storage credential, sealed with AES-GCM by the application: a dump does not reveal it.
    credential                  bytea,

    CONSTRAINT instance_pk PRIMARY KEY (id),
    CONSTRAINT instance_status_known CHECK (status IN (
        'CREATE_QUEUING', 'CREATING', 'CREATE_FAILED', 'START_QUEUING', 'READY_TO_START', 'STARTING',
        'RESTARTING', 'START_FAILED', 'RUNNING', 'STOPPING', 'STOPPED', 'UNAVAILABLE', 'DELETED',
        'RESIZING', 'RESIZE_FAILED')),
    CONSTRAINT instance_version_not_negative CHECK (version >= 0),
    CONSTRAINT instance_project_id_form CHECK (project_id ~ '^[A-Za-z0-9_-]{1,64}$'),
    CONSTRAINT instance_name_form CHECK (name ~ '^[A-Za-z0-9_-]{1,64}$'),
    CONSTRAINT instance_description_form CHECK (char_length(description) <= 512 AND description !~ '[&<>"''/]'),
    CONSTRAINT instance_lease_only_while_running CHECK (lease_stop_at IS NULL OR status = 'RUNNING'),
    CONSTRAINT instance_queued_exactly_while_queuing
        CHECK ((queued_since IS NOT NULL) = (status IN ('CREATE_QUEUING', 'START_QUEUING'))),
    CONSTRAINT instance_auto_stop_duration_positive CHECK (auto_stop_duration_seconds > 0),
    CONSTRAINT instance_enabled_auto_stop_has_duration
        CHECK (NOT auto_stop_enabled OR auto_stop_duration_seconds IS NOT NULL),
    CONSTRAINT instance_pool_complete
        CHECK ((pool_id IS NULL) = (pool_name IS NULL) AND (pool_id IS NULL) = (pool_owner_project_id IS NULL))
);

-- One live instance per name in a project (6301). A DELETED instance frees its name.
-- It also serves the listings sorted by name.
CREATE UNIQUE INDEX instance_live_name_unique ON instance (project_id, name) WHERE status <> 'DELETED';
