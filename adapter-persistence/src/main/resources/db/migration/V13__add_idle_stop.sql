-- Idle stop: an instance may stop by itself once nobody used it for idle_stop_seconds. The settings apply at once,
-- to the current run too. running_since is when the current run began (the minimum running time counts from it, and
-- an idle spell never begins before it); idle_warned_at is when the run was last warned of an idle stop.
ALTER TABLE instance ADD COLUMN idle_stop_enabled boolean NOT NULL DEFAULT false;
ALTER TABLE instance ALTER COLUMN idle_stop_enabled DROP DEFAULT;
ALTER TABLE instance ADD COLUMN idle_stop_seconds bigint;
ALTER TABLE instance ADD COLUMN running_since timestamptz;
ALTER TABLE instance ADD COLUMN idle_warned_at timestamptz;

-- A run that began before this migration is taken to have begun at its last write: the closest time known.
UPDATE instance SET running_since = updated_at WHERE status = 'RUNNING';

ALTER TABLE instance ADD CONSTRAINT instance_idle_stop_seconds_positive CHECK (idle_stop_seconds > 0);
ALTER TABLE instance ADD CONSTRAINT instance_enabled_idle_stop_has_seconds
    CHECK (NOT idle_stop_enabled OR idle_stop_seconds IS NOT NULL);
ALTER TABLE instance ADD CONSTRAINT instance_running_since_exactly_while_running
    CHECK ((running_since IS NOT NULL) = (status = 'RUNNING'));
ALTER TABLE instance ADD CONSTRAINT instance_idle_warning_only_while_running
    CHECK (idle_warned_at IS NULL OR status = 'RUNNING');

-- The idle-stop engine's candidates, by id: the running instances whose idle stop is enabled.
CREATE INDEX instance_idle_stop_candidates ON instance (id) WHERE status = 'RUNNING' AND idle_stop_enabled;

-- The idle stop's events: the stop itself (RUNNING to STOPPING) and its warning, which keeps the status. A warning
-- writes a new version of the instance (its idle_warned_at), so a run may be warned once per idle spell.
ALTER TABLE instance_event DROP CONSTRAINT instance_event_cause_known;
ALTER TABLE instance_event ADD CONSTRAINT instance_event_cause_known CHECK (cause IN (
    'USER_REQUEST', 'AUTO_STOP', 'RUNTIME_PROGRESS', 'FAILURE', 'LEASE_RENEWED', 'LEASE_ENDING', 'IDLE', 'IDLE_ENDING'));
ALTER TABLE instance_event DROP CONSTRAINT instance_event_changes_status;
ALTER TABLE instance_event ADD CONSTRAINT instance_event_changes_status CHECK (
    (from_status IS DISTINCT FROM to_status) = (cause NOT IN ('LEASE_RENEWED', 'LEASE_ENDING', 'IDLE_ENDING')));
