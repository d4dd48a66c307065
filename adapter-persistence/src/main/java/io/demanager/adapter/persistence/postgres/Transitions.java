package io.demanager.adapter.persistence.postgres;

import io.demanager.adapter.persistence.postgres.InstanceRows.Written;
import io.demanager.domain.instance.Instance;
import io.demanager.domain.instance.TransitionCause;
import io.vavr.Tuple;
import io.vavr.collection.HashMap;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.control.Option;
import org.jdbi.v3.core.Handle;

import java.util.UUID;

/**
 * The write of a transition, shared by the stores that make one. The row at the version that was read is locked
 * ({@code previous}), its changing columns are written, and its event appended if the status changed (or, for the
 * lease's own events, which keep the status, if it did not), in one statement. A writer that loses the race waits
 * for the lock, finds the version gone, and changes nothing. Only the delete writes the secrets' columns: it erases
 * them; every other transition leaves them as the insert wrote them.
 */
final class Transitions {

    private static final String SQL_TEMPLATE = """
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
                    WHERE (status <> previous_status) = :changes_status)
                SELECT version FROM updated""";

    private static final String TRANSITION = SQL_TEMPLATE.formatted(InstanceRows.assignments(Written.ON_TRANSITION), EventRows.COLUMNS);

    private static final String DELETE = SQL_TEMPLATE.formatted(InstanceRows.assignments(Written.ON_DELETE), EventRows.COLUMNS);

    /** The same write for a batch of instances, in one statement (see {@link InstanceRows#batch}). */
    private static final String BATCH_TEMPLATE = """
                WITH batch AS (%1$s),
                previous AS (
                    SELECT instance.id AS previous_id, instance.status AS previous_status FROM instance JOIN batch
                        ON instance.id = key_id AND instance.version = key_version AND instance.status <> 'DELETED'
                    FOR UPDATE OF instance),
                updated AS (
                    UPDATE instance SET %2$s
                    FROM previous, batch WHERE instance.id = previous_id AND instance.id = key_id
                    RETURNING instance.id, instance.version, instance.status, instance.updated_at, previous_status),
                event AS (
                    INSERT INTO instance_event (%3$s)
                    SELECT id, version, previous_status, status, :cause, updated_at FROM updated
                    WHERE (status <> previous_status) = :changes_status)
                SELECT id, version FROM updated""";

    private static final String BATCH_TRANSITION = batch(Written.ON_TRANSITION);

    private static final String BATCH_DELETE = batch(Written.ON_DELETE);

    private final InstanceRows rows;

    Transitions(InstanceRows rows) {
        this.rows = rows;
    }

    /** {@code changed} as stored at the next version, or nothing if the version it was read at is gone. */
    Option<Instance> write(Handle handle, Instance changed, TransitionCause cause) {
        Written write = changed.isDeleted() ? Written.ON_DELETE : Written.ON_TRANSITION;
        String sql = changed.isDeleted() ? DELETE : TRANSITION;
        return Option.ofOptional(rows.bindKey(rows.bind(handle.createQuery(sql), changed, write), changed)
                        .bind("version", changed.version())
                        .bind("cause", cause.name())
                        .bind("changes_status", cause.changesStatus())
                        .mapTo(Long.class)
                        .findOne())
                .map(changed::atVersion);
    }

    /**
     * Each of {@code changed} as stored at its next version, in their order; those whose version read is gone are
     * left out, as {@link #write} answers nothing for them. Either all of them are deletes, or none is.
     */
    List<Instance> writeAll(Handle handle, List<Instance> changed, TransitionCause cause) {
        if (changed.isEmpty()) {
            return List.empty();
        }
        boolean deletes = changed.head().isDeleted();
        if (changed.exists(instance -> instance.isDeleted() != deletes)) {
            throw new IllegalArgumentException("a batch holds deletes only, or no delete");
        }
        Written write = deletes ? Written.ON_DELETE : Written.ON_TRANSITION;
        Map<UUID, Long> written = HashMap.ofEntries(rows.bindBatch(handle.createQuery(deletes ? BATCH_DELETE : BATCH_TRANSITION),
                        changed, write)
                .bind("cause", cause.name())
                .bind("changes_status", cause.changesStatus())
                .map((row, context) -> Tuple.of(row.getObject("id", UUID.class), row.getLong("version")))
                .list());
        return changed.flatMap(instance -> written.get(instance.id().uuid()).map(instance::atVersion));
    }

    private static String batch(Written write) {
        return BATCH_TEMPLATE.formatted(InstanceRows.batch(write), InstanceRows.batchAssignments(write), EventRows.COLUMNS);
    }
}
