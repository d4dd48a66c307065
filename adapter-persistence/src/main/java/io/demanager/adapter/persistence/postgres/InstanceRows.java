package io.demanager.adapter.persistence.postgres;

import io.demanager.domain.autostop.AutoStopLease;
import io.demanager.domain.autostop.AutoStopSettings;
import io.demanager.domain.instance.AiProjectId;
import io.demanager.domain.instance.Credential;
import io.demanager.domain.instance.Description;
import io.demanager.domain.instance.Instance;
import io.demanager.domain.instance.InstanceId;
import io.demanager.domain.instance.InstanceName;
import io.demanager.domain.instance.InstanceStatus;
import io.demanager.domain.instance.Pool;
import io.demanager.domain.instance.PoolId;
import io.demanager.domain.instance.ProjectId;
import io.demanager.domain.instance.UserRef;
import io.demanager.domain.instance.WorkspaceId;
import io.vavr.control.Option;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.StatementContext;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** An instance as a row of the {@code instance} table, and back: each column is bound by its own name. */
final class InstanceRows implements RowMapper<Instance> {

    static final String COLUMNS = """
            id, project_id, name, description, status, flavor, workspace_id, ai_project_id,
            pool_id, pool_name, pool_owner_project_id, owner_id, owner_name, created_at, updated_at, version,
            auto_stop_enabled, auto_stop_duration_seconds, auto_stop_prompt, lease_stop_at, queued_since,
            profile, flavor_details, spec, failure, credential""";

    /** The values of {@link #COLUMNS}, in that order, as named parameters. */
    static final String VALUES = """
            :id, :project_id, :name, :description, :status, :flavor, :workspace_id, :ai_project_id,
            :pool_id, :pool_name, :pool_owner_project_id, :owner_id, :owner_name, :created_at, :updated_at, :version,
            :auto_stop_enabled, :auto_stop_duration_seconds, :auto_stop_prompt, :lease_stop_at, :queued_since,
            CAST(:profile AS jsonb), CAST(:flavor_details AS jsonb), CAST(:spec AS jsonb), CAST(:failure AS jsonb), :credential""";

    /** Every column but the row's identity (id, project), set from the parameters of the same names. */
    static final String ASSIGNMENTS = """
            name = :name, description = :description, status = :status, flavor = :flavor,
            workspace_id = :workspace_id, ai_project_id = :ai_project_id, pool_id = :pool_id, pool_name = :pool_name,
            pool_owner_project_id = :pool_owner_project_id, owner_id = :owner_id, owner_name = :owner_name,
            created_at = :created_at, updated_at = :updated_at, auto_stop_enabled = :auto_stop_enabled,
            auto_stop_duration_seconds = :auto_stop_duration_seconds, auto_stop_prompt = :auto_stop_prompt,
            lease_stop_at = :lease_stop_at, queued_since = :queued_since, profile = CAST(:profile AS jsonb),
            flavor_details = CAST(:flavor_details AS jsonb), spec = CAST(:spec AS jsonb),
            failure = CAST(:failure AS jsonb), credential = :credential""";

    private final InstanceDocuments documents = new InstanceDocuments();
    private final CredentialCipher cipher;

    InstanceRows(CredentialCipher cipher) {
        this.cipher = cipher;
    }

    /** Binds every column of {@code instance}, including {@code version}. */
    <S extends SqlStatement<S>> S bind(S statement, Instance instance) {
        Option<Pool> pool = instance.pool();
        return statement
                .bind("id", instance.id().uuid())
                .bind("project_id", instance.projectId().value())
                .bind("name", instance.name().value())
                .bind("description", instance.description().value())
                .bind("status", instance.status().name())
                .bind("flavor", instance.flavor().name())
                .bind("workspace_id", instance.workspaceId().value())
                .bind("ai_project_id", instance.aiProjectId().value())
                .bind("pool_id", pool.map(Pool::id).map(PoolId::value).getOrNull())
                .bind("pool_name", pool.map(Pool::name).getOrNull())
                .bind("pool_owner_project_id", pool.map(p -> p.owner().value()).getOrNull())
                .bind("owner_id", instance.owner().id())
                .bind("owner_name", instance.owner().name())
                .bind("created_at", timestamp(instance.createdAt()))
                .bind("updated_at", timestamp(instance.updatedAt()))
                .bind("version", instance.version())
                .bind("auto_stop_enabled", instance.autoStop().enabled())
                .bind("auto_stop_duration_seconds", instance.autoStop().duration().map(Duration::getSeconds).getOrNull())
                .bind("auto_stop_prompt", instance.autoStop().prompt())
                .bindByType("lease_stop_at", instance.lease().map(lease -> timestamp(lease.stopAt())).getOrNull(), OffsetDateTime.class)
                .bindByType("queued_since", instance.queuedSince().map(InstanceRows::timestamp).getOrNull(), OffsetDateTime.class)
                .bind("profile", documents.profile(instance.profile()))
                .bind("flavor_details", documents.flavorDetails(instance.flavor()))
                .bind("spec", documents.spec(instance.spec()))
                .bind("failure", instance.failure().map(documents::failure).getOrNull())
                .bindByType("credential", instance.spec().credential().map(c -> seal(c, instance.id())).getOrNull(), byte[].class);
    }

    @Override
    public Instance map(ResultSet row, StatementContext context) throws SQLException {
        InstanceId id = new InstanceId(row.getObject("id", UUID.class));
        InstanceStatus status = InstanceStatus.valueOf(row.getString("status"));
        Option<Credential> credential = Option.of(row.getBytes("credential")).map(sealed -> open(sealed, id));
        return new Instance(
                id,
                new ProjectId(row.getString("project_id")),
                new InstanceName(row.getString("name")),
                new Description(row.getString("description")),
                status,
                instant(row, "created_at").get(),
                instant(row, "updated_at").get(),
                documents.profile(row.getString("profile")),
                documents.flavor(row.getString("flavor"), row.getString("flavor_details")),
                pool(row),
                documents.spec(row.getString("spec"), credential),
                autoStop(row),
                instant(row, "lease_stop_at").map(AutoStopLease::new),
                Option.of(row.getString("failure")).map(documents::failure),
                instant(row, "queued_since"),
                new WorkspaceId(row.getString("workspace_id")),
                new AiProjectId(row.getString("ai_project_id")),
                new UserRef(row.getString("owner_id"), row.getString("owner_name")),
                row.getLong("version"));
    }

    private static Option<Pool> pool(ResultSet row) throws SQLException {
        String poolId = row.getString("pool_id");
        return poolId == null ? Option.none()
                : Option.some(new Pool(new PoolId(poolId), row.getString("pool_name"), new ProjectId(row.getString("pool_owner_project_id"))));
    }

    private static AutoStopSettings autoStop(ResultSet row) throws SQLException {
        long seconds = row.getLong("auto_stop_duration_seconds");
        Option<Duration> duration = row.wasNull() ? Option.none() : Option.some(Duration.ofSeconds(seconds));
        return new AutoStopSettings(row.getBoolean("auto_stop_enabled"), duration, row.getBoolean("auto_stop_prompt"));
    }

    private byte[] seal(Credential credential, InstanceId owner) {
        return cipher.seal(documents.credential(credential).getBytes(StandardCharsets.UTF_8), associatedData(owner));
    }

    private Credential open(byte[] sealed, InstanceId owner) {
        return documents.credential(new String(cipher.open(sealed, associatedData(owner)), StandardCharsets.UTF_8));
    }

    private static byte[] associatedData(InstanceId owner) {
        return owner.value().getBytes(StandardCharsets.UTF_8);
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Option<Instant> instant(ResultSet row, String column) throws SQLException {
        return Option.of(row.getObject(column, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
    }
}
