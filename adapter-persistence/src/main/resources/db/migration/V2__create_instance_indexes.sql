-- The listings sorted by creation time (the id breaks ties, so that pages neither overlap nor skip);
-- the listings sorted by name use instance_live_name_unique. Both leave DELETED rows out, as listings do.
CREATE INDEX instance_live_by_creation ON instance (project_id, created_at, id) WHERE status <> 'DELETED';

-- How many instances of a flavor hold capacity, across projects (free flavor queues).
CREATE INDEX instance_by_flavor_and_status ON instance (flavor, status);

-- The auto-stop engine's search for due leases. Only running instances with a lease are in it,
-- so finding the due ones costs in proportion to their number, not to the table's size.
CREATE INDEX instance_due_lease ON instance (lease_stop_at) WHERE status = 'RUNNING' AND lease_stop_at IS NOT NULL;
