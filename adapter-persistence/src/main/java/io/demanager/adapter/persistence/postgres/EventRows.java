package io.demanager.adapter.persistence.postgres;

import io.demanager.domain.instance.InstanceId;
import io.demanager.domain.instance.InstanceStatus;
import io.demanager.domain.instance.LifecycleEvent;
import io.demanager.domain.instance.TransitionCause;
import io.vavr.control.Option;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A row of the {@code instance_event} table as a lifecycle event. */
final class EventRows implements RowMapper<LifecycleEvent> {

    static final String COLUMNS = "instance_id, version, from_status, to_status, cause, occurred_at";

    /** The same columns in a query that joins the {@code instance} table. */
    static final String QUALIFIED_COLUMNS = "instance_event.instance_id, instance_event.version, from_status, to_status, cause,"
            + " occurred_at";

    @Override
    public LifecycleEvent map(ResultSet row, StatementContext context) throws SQLException {
        return new LifecycleEvent(
                new InstanceId(row.getObject("instance_id", UUID.class)),
                Option.of(row.getString("from_status")).map(InstanceStatus::valueOf),
                InstanceStatus.valueOf(row.getString("to_status")),
                TransitionCause.valueOf(row.getString("cause")),
                row.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                row.getLong("version"));
    }
}
