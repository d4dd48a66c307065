-- A free flavor's queue, oldest first, across projects: only queued instances have queued_since
-- (instance_queued_exactly_while_queuing), so the index holds just the queues.
CREATE INDEX instance_queue ON instance (flavor, queued_since, id) WHERE queued_since IS NOT NULL;
