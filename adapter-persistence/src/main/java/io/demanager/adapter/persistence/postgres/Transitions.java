package io.demanager.adapter.persistence.postgres;

import io.demanager.adapter.persistence.postgres.InstanceRows.Written;
import io.demanager.domain.instance.Instance;
import io.demanager.domain.instance.TransitionCause;
import io.vavr.control.Option;
import org.jdbi.v3.core.Handle;

/**
 * The write of a transition, shared by the stores that make one. The row at the version that was read is locked
 * ({@code previous}), its changing columns are written, and its event appended if the status changed, in one
 * statement. A writer that loses the race waits for the lock, finds the version gone, and changes nothing.
 */
final class Transitions {

    private static final String SQL = """
                WITH previous AS (
                    SELECT id AS previous_id, status AS previous_status FROM instance
                    WHERE project_id = :project_id AND id = :id AND version = :version AND status <> 'DELETED'
                    FOR UPDATE),
                updated AS (
                    UPDATE instance SET %1$s
                    FROM previous WHERE id = previous_id
                    RETURNING id, version, status, updated_at, previous_status),
                event AS (
                    INSERT INTO instance_event (%2$s)
                    SELECT id, version, previous_status, status, :cause, updated_at FROM updated
                    WHERE status <> previous_status)
                SELECT version FROM updated""".formatted(InstanceRows.assignments(Written.ON_TRANSITION), EventRows.COLUMNS);

    private final InstanceRows rows;

    Transitions(InstanceRows rows) {
        this.rows = rows;
    }

    /** {@code changed} as stored at the next version, or nothing if the version it was read at is gone. */
    Option<Instance> write(Handle handle, Instance changed, TransitionCause cause) {
        return Option.ofOptional(rows.bindKey(rows.bind(handle.createQuery(SQL), changed, Written.ON_TRANSITION), changed)
                        .bind("version", changed.version())
                        .bind("cause", cause.name())
                        .mapTo(Long.class)
                        .findOne())
                .map(changed::atVersion);
    }
}
