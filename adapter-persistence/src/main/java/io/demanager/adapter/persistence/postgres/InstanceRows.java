package io.demanager.adapter.persistence.postgres;

import io.demanager.domain.autostop.AutoStopLease;
import io.demanager.domain.autostop.AutoStopSettings;
import io.demanager.domain.idle.IdleStopSettings;
import io.demanager.domain.instance.AiProjectId;
import io.demanager.domain.instance.Credential;
import io.demanager.domain.instance.Description;
import io.demanager.domain.instance.Instance;
import io.demanager.domain.instance.InstanceId;
import io.demanager.domain.instance.InstanceName;
import io.demanager.domain.instance.InstanceStatus;
import io.demanager.domain.instance.NotebookAccess;
import io.demanager.domain.instance.Pool;
import io.demanager.domain.instance.PoolId;
import io.demanager.domain.instance.ProjectId;
import io.demanager.domain.instance.UserRef;
import io.demanager.domain.instance.WorkspaceId;
import io.vavr.collection.List;
import io.vavr.control.Option;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.StatementContext;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.UUID;
import java.util.function.Function;

/**
 * An instance as a row of the {@code instance} table, and back. Each column is defined once, below: its name, its
 * Java type, its form, how its value comes from an instance and which writes set it. The column lists of SELECT,
 * INSERT and UPDATE, the bindings and the reads of {@link #map} all come from those definitions.
 */
final class InstanceRows implements RowMapper<Instance> {

    /** Which writes set a column; each kind of write also sets the columns of the kinds after it. */
    enum Written {
        /** On insert only: the identity, and what never changes after creation. */
        ON_INSERT,
        /** By the delete: the secrets a deleted instance no longer keeps. */
        ON_DELETE,
        /** By a transition: the status and what moves with it. */
        ON_TRANSITION,
        /** By every write, a change of settings included. */
        ON_EVERY_WRITE
    }

    /** How a column's value is kept. */
    enum Form {
        PLAIN,
        JSONB,
        /** Sealed with the store's key (see {@link CredentialCipher}), bound to the row's id; read back sealed. */
        SEALED
    }

    /** One column, bound as the parameter of its name and read back as {@code type}. */
    record Column<T>(String name, Class<T> type, Form form, Written written, Function<Instance, T> value) {

        /** The parameter of its name, for a JDBI statement. */
        String parameter() {
            return castIfJsonb(":" + name);
        }

        /** A positional parameter, for a JDBC statement. */
        String positionalParameter() {
            return castIfJsonb("?");
        }

        private String castIfJsonb(String placeholder) {
            return form == Form.JSONB ? "CAST(" + placeholder + " AS jsonb)" : placeholder;
        }

        /** The driver converts no JSONB to a String through {@code getObject}, so text is read as text. */
        T read(ResultSet row) throws SQLException {
            return type == String.class ? type.cast(row.getString(name)) : row.getObject(name, type);
        }

        /**
         * What a sealed value is bound to: its row and its column. The credential, sealed before any other column
         * was, is bound to its row alone.
         */
        byte[] associatedData(InstanceId owner) {
            String bound = name.equals("credential") ? owner.value() : owner.value() + "/" + name;
            return bound.getBytes(StandardCharsets.UTF_8);
        }

        boolean writtenBy(Written write) {
            return written.compareTo(write) >= 0;
        }

        /** The column's PostgreSQL type, which a batch casts its text to. */
        String sqlType() {
            return switch (form) {
                case JSONB -> "jsonb";
                case SEALED -> "bytea";
                case PLAIN -> SQL_TYPES.get(type);
            };
        }
    }

    private static final java.util.Map<Class<?>, String> SQL_TYPES = java.util.Map.of(UUID.class, "uuid", String.class, "text",
            Long.class, "bigint", Boolean.class, "boolean", OffsetDateTime.class, "timestamptz");

    private static final InstanceJsonbCodec CODEC = new InstanceJsonbCodec();

    private static final Column<UUID> ID = plain("id", UUID.class, Written.ON_INSERT, instance -> instance.id().uuid());
    private static final Column<String> PROJECT_ID = plain("project_id", String.class, Written.ON_INSERT,
            instance -> instance.projectId().value());
    private static final Column<String> NAME = plain("name", String.class, Written.ON_INSERT, instance -> instance.name().value());
    private static final Column<String> DESCRIPTION = plain("description", String.class, Written.ON_EVERY_WRITE,
            instance -> instance.description().value());
    private static final Column<String> STATUS = plain("status", String.class, Written.ON_TRANSITION,
            instance -> instance.status().name());
    private static final Column<String> FLAVOR = plain("flavor", String.class, Written.ON_INSERT, instance -> instance.flavor().name());
    private static final Column<String> WORKSPACE_ID = plain("workspace_id", String.class, Written.ON_INSERT,
            instance -> instance.workspaceId().value());
    private static final Column<String> AI_PROJECT_ID = plain("ai_project_id", String.class, Written.ON_INSERT,
            instance -> instance.aiProjectId().value());
    private static final Column<String> POOL_ID = plain("pool_id", String.class, Written.ON_INSERT,
            instance -> instance.pool().map(pool -> pool.id().value()).getOrNull());
    private static final Column<String> POOL_NAME = plain("pool_name", String.class, Written.ON_INSERT,
            instance -> instance.pool().map(Pool::name).getOrNull());
    private static final Column<String> POOL_OWNER = plain("pool_owner_project_id", String.class, Written.ON_INSERT,
            instance -> instance.pool().map(pool -> pool.owner().value()).getOrNull());
    private static final Column<String> OWNER_ID = plain("owner_id", String.class, Written.ON_INSERT, instance -> instance.owner().id());
    private static final Column<String> OWNER_NAME = plain("owner_name", String.class, Written.ON_INSERT,
            instance -> instance.owner().name());
    private static final Column<OffsetDateTime> CREATED_AT = plain("created_at", OffsetDateTime.class, Written.ON_INSERT,
            instance -> timestamp(instance.createdAt()));
    private static final Column<OffsetDateTime> UPDATED_AT = plain("updated_at", OffsetDateTime.class, Written.ON_EVERY_WRITE,
            instance -> timestamp(instance.updatedAt()));
    /** Set on insert; every later write adds one to it ({@link #NEXT_VERSION}). */
    private static final Column<Long> VERSION = plain("version", Long.class, Written.ON_INSERT, Instance::version);
    private static final Column<Boolean> AUTO_STOP_ENABLED = plain("auto_stop_enabled", Boolean.class, Written.ON_EVERY_WRITE,
            instance -> instance.autoStop().enabled());
    private static final Column<Long> AUTO_STOP_SECONDS = plain("auto_stop_duration_seconds", Long.class, Written.ON_EVERY_WRITE,
            instance -> instance.autoStop().duration().map(Duration::getSeconds).getOrNull());
    private static final Column<Boolean> AUTO_STOP_PROMPT = plain("auto_stop_prompt", Boolean.class, Written.ON_EVERY_WRITE,
            instance -> instance.autoStop().prompt());
    private static final Column<Boolean> IDLE_STOP_ENABLED = plain("idle_stop_enabled", Boolean.class, Written.ON_EVERY_WRITE,
            instance -> instance.idleStop().enabled());
    private static final Column<Long> IDLE_STOP_SECONDS = plain("idle_stop_seconds", Long.class, Written.ON_EVERY_WRITE,
            instance -> instance.idleStop().idleTime().map(Duration::getSeconds).getOrNull());
    private static final Column<OffsetDateTime> RUNNING_SINCE = plain("running_since", OffsetDateTime.class,
            Written.ON_TRANSITION, instance -> instance.runningSince().map(InstanceRows::timestamp).getOrNull());
    /** Written by every write: a change of the idle-stop settings voids the warning given under the old ones. */
    private static final Column<OffsetDateTime> IDLE_WARNED_AT = plain("idle_warned_at", OffsetDateTime.class,
            Written.ON_EVERY_WRITE, instance -> instance.idleWarnedAt().map(InstanceRows::timestamp).getOrNull());
    private static final Column<OffsetDateTime> LEASE_STOP_AT = plain("lease_stop_at", OffsetDateTime.class, Written.ON_TRANSITION,
            instance -> instance.lease().map(lease -> timestamp(lease.stopAt())).getOrNull());
    private static final Column<OffsetDateTime> QUEUED_SINCE = plain("queued_since", OffsetDateTime.class, Written.ON_TRANSITION,
            instance -> instance.queuedSince().map(InstanceRows::timestamp).getOrNull());
    private static final Column<OffsetDateTime> INACTIVE_SINCE = plain("inactive_since", OffsetDateTime.class,
            Written.ON_TRANSITION, instance -> instance.inactiveSince().map(InstanceRows::timestamp).getOrNull());
    /** Follows from the inactive time and the flavor, and is never read back: what the retention engine searches by. */
    private static final Column<OffsetDateTime> RETENTION_END = plain("retention_end", OffsetDateTime.class,
            Written.ON_TRANSITION, instance -> instance.retentionEnd().map(InstanceRows::timestamp).getOrNull());
    private static final Column<String> PROFILE = jsonb("profile", Written.ON_INSERT, instance -> CODEC.profile(instance.profile()));
    private static final Column<String> FLAVOR_DETAILS = jsonb("flavor_details", Written.ON_INSERT,
            instance -> CODEC.flavorDetails(instance.flavor()));
    /** Everything of the spec but the credential, which no write after the insert changes. */
    private static final Column<String> SPEC = jsonb("spec", Written.ON_INSERT, instance -> CODEC.spec(instance.spec()));
    private static final Column<String> FAILURE = jsonb("failure", Written.ON_TRANSITION,
            instance -> instance.failure().map(CODEC::failure).getOrNull());
    /** Its value is the credential's document, sealed when bound; the delete erases it. */
    private static final Column<byte[]> CREDENTIAL = new Column<>("credential", byte[].class, Form.SEALED, Written.ON_DELETE,
            instance -> instance.spec().credential().map(credential -> CODEC.credential(credential).getBytes(StandardCharsets.UTF_8))
                    .getOrNull());
    private static final Column<String> NOTEBOOK_URL = plain("notebook_url", String.class, Written.ON_TRANSITION,
            instance -> instance.access().map(NotebookAccess::url).getOrNull());
    /** Sealed like the credential, and bound to its column too: neither a credential nor another row's token opens as it. */
    private static final Column<byte[]> NOTEBOOK_TOKEN = new Column<>("notebook_token", byte[].class, Form.SEALED,
            Written.ON_TRANSITION, instance -> instance.access().map(access -> access.token().getBytes(StandardCharsets.UTF_8))
                    .getOrNull());

    private static final List<Column<?>> COLUMNS = List.of(ID, PROJECT_ID, NAME, DESCRIPTION, STATUS, FLAVOR, WORKSPACE_ID,
            AI_PROJECT_ID, POOL_ID, POOL_NAME, POOL_OWNER, OWNER_ID, OWNER_NAME, CREATED_AT, UPDATED_AT, VERSION,
            AUTO_STOP_ENABLED, AUTO_STOP_SECONDS, AUTO_STOP_PROMPT, IDLE_STOP_ENABLED, IDLE_STOP_SECONDS, RUNNING_SINCE,
            IDLE_WARNED_AT, LEASE_STOP_AT, QUEUED_SINCE, INACTIVE_SINCE, RETENTION_END, PROFILE, FLAVOR_DETAILS, SPEC,
            FAILURE, CREDENTIAL, NOTEBOOK_URL, NOTEBOOK_TOKEN);

    /** The columns each kind of write sets, by the kind's ordinal. */
    @SuppressWarnings("unchecked")
    private static final List<Column<?>>[] WRITTEN_BY = List.of(Written.values())
            .map(write -> COLUMNS.filter(column -> column.writtenBy(write)))
            .toJavaArray(List[]::new);

    /** Every column, for a SELECT or a RETURNING. */
    static final String NAMES = COLUMNS.map(Column::name).mkString(", ");

    /** The columns and values of an INSERT of every column; bound by {@link #bind(SqlStatement, Instance)}. */
    static final String INSERT_COLUMNS_AND_VALUES = "(" + NAMES + ") VALUES (" + COLUMNS.map(Column::parameter).mkString(", ") + ")";

    /** The assignment every write after the insert makes. */
    private static final String NEXT_VERSION = "version = version + 1";

    private final CredentialCipher cipher;

    InstanceRows(CredentialCipher cipher) {
        this.cipher = cipher;
    }

    /** The SET list of a write of this kind, the next version included; bound by {@link #bind(SqlStatement, Instance, Written)}. */
    static String assignments(Written write) {
        return assignments(write, Column::parameter);
    }

    /** The same SET list with positional parameters; bound by {@link #bindInOrder}. */
    static String positionalAssignments(Written write) {
        return assignments(write, Column::positionalParameter);
    }

    private static String assignments(Written write, Function<Column<?>, String> parameter) {
        return written(write).map(column -> column.name() + " = " + parameter.apply(column)).append(NEXT_VERSION).mkString(", ");
    }

    /**
     * Many rows as the relation {@code batch}: their key ({@code key_id}, {@code key_version}: the version they were
     * read at) and the columns a write of this kind sets, unnested from one array per column, bound by
     * {@link #bindBatch}. A batch is written by one statement, whatever its size.
     */
    static String batch(Written write) {
        List<String> names = List.of("key_id", "key_version").appendAll(written(write).map(Column::name));
        List<String> types = List.of("uuid", "bigint").appendAll(written(write).map(Column::sqlType));
        return "SELECT " + names.zipWith(types, (name, type) -> "CAST(" + name + " AS " + type + ") AS " + name).mkString(", ")
                + " FROM unnest(" + names.map(name -> "CAST(:" + name + "_values AS text[])").mkString(", ") + ")"
                + " AS unnested(" + names.mkString(", ") + ")";
    }

    /** The SET list of a write of this kind from the relation {@link #batch}, the next version included. */
    static String batchAssignments(Written write) {
        return written(write).map(column -> column.name() + " = batch." + column.name()).append(NEXT_VERSION).mkString(", ");
    }

    /** Binds the arrays of {@link #batch}: one element per instance, in the instances' order. */
    <S extends SqlStatement<S>> S bindBatch(S statement, List<Instance> instances, Written write) {
        S bound = statement
                .bindByType("key_id_values", instances.map(instance -> instance.id().uuid().toString()).toJavaArray(String[]::new), String[].class)
                .bindByType("key_version_values", instances.map(instance -> String.valueOf(instance.version()))
                        .toJavaArray(String[]::new), String[].class);
        for (Column<?> column : written(write)) {
            bound = bound.bindByType(column.name() + "_values", instances.map(instance -> text(column, instance))
                    .toJavaArray(String[]::new), String[].class);
        }
        return bound;
    }

    /** Binds every column, for an insert. */
    <S extends SqlStatement<S>> S bind(S statement, Instance instance) {
        return bindAll(COLUMNS, statement, instance);
    }

    /** Binds the columns a write of this kind sets. */
    <S extends SqlStatement<S>> S bind(S statement, Instance instance, Written write) {
        return bindAll(written(write), statement, instance);
    }

    /** Binds the row's key, {@code :id} and {@code :project_id}. */
    <S extends SqlStatement<S>> S bindKey(S statement, Instance instance) {
        return bindAll(List.of(ID, PROJECT_ID), statement, instance);
    }

    /**
     * Binds the columns a write of this kind sets to the first positional parameters of a JDBC statement, in the
     * order of {@link #positionalAssignments}; answers the index of the next parameter.
     */
    int bindInOrder(PreparedStatement statement, Instance instance, Written write) throws SQLException {
        int index = 1;
        for (Column<?> column : written(write)) {
            statement.setObject(index++, boundValue(column, instance));
        }
        return index;
    }

    @Override
    public Instance map(ResultSet row, StatementContext context) throws SQLException {
        return map(row);
    }

    /** The instance of the row the result set is on. */
    Instance map(ResultSet row) throws SQLException {
        InstanceId id = new InstanceId(ID.read(row));
        Option<Credential> credential = Option.of(CREDENTIAL.read(row))
                .map(sealed -> CODEC.credential(new String(cipher.open(sealed, CREDENTIAL.associatedData(id)), StandardCharsets.UTF_8)));
        String poolId = POOL_ID.read(row);
        Long autoStopSeconds = AUTO_STOP_SECONDS.read(row);
        Long idleStopSeconds = IDLE_STOP_SECONDS.read(row);
        return new Instance(
                id,
                new ProjectId(PROJECT_ID.read(row)),
                new InstanceName(NAME.read(row)),
                new Description(DESCRIPTION.read(row)),
                InstanceStatus.valueOf(STATUS.read(row)),
                CREATED_AT.read(row).toInstant(),
                UPDATED_AT.read(row).toInstant(),
                CODEC.profile(PROFILE.read(row)),
                CODEC.flavor(FLAVOR.read(row), FLAVOR_DETAILS.read(row)),
                poolId == null ? Option.none() : Option.some(new Pool(new PoolId(poolId), POOL_NAME.read(row), new ProjectId(POOL_OWNER.read(row)))),
                CODEC.spec(SPEC.read(row), credential),
                new AutoStopSettings(AUTO_STOP_ENABLED.read(row), Option.of(autoStopSeconds).map(Duration::ofSeconds),
                        AUTO_STOP_PROMPT.read(row)),
                instant(LEASE_STOP_AT, row).map(AutoStopLease::new),
                Option.of(FAILURE.read(row)).map(CODEC::failure),
                instant(QUEUED_SINCE, row),
                instant(INACTIVE_SINCE, row),
                access(row, id),
                new WorkspaceId(WORKSPACE_ID.read(row)),
                new AiProjectId(AI_PROJECT_ID.read(row)),
                new UserRef(OWNER_ID.read(row), OWNER_NAME.read(row)),
                new IdleStopSettings(IDLE_STOP_ENABLED.read(row), Option.of(idleStopSeconds).map(Duration::ofSeconds)),
                instant(RUNNING_SINCE, row),
                instant(IDLE_WARNED_AT, row),
                VERSION.read(row));
    }

    private <S extends SqlStatement<S>> S bindAll(List<Column<?>> columns, S statement, Instance instance) {
        S bound = statement;
        for (Column<?> column : columns) {
            bound = bindOne(column, bound, instance);
        }
        return bound;
    }

    private <T, S extends SqlStatement<S>> S bindOne(Column<T> column, S statement, Instance instance) {
        return statement.bindByType(column.name(), boundValue(column, instance), column.type());
    }

    /** A column's value as bound: sealed if its form says so. */
    private Object boundValue(Column<?> column, Instance instance) {
        Object value = column.value().apply(instance);
        return column.form() == Form.SEALED && value != null
                ? cipher.seal((byte[]) value, column.associatedData(instance.id()))
                : value;
    }

    /** A column's value as the text its type is cast from; a sealed value in the hexadecimal form of bytea. */
    private <T> String text(Column<T> column, Instance instance) {
        T value = column.value().apply(instance);
        if (value == null) {
            return null;
        }
        if (column.form() == Form.SEALED) {
            return "\\x" + HexFormat.of().formatHex(cipher.seal((byte[]) value, column.associatedData(instance.id())));
        }
        return value.toString();
    }

    private static List<Column<?>> written(Written write) {
        return WRITTEN_BY[write.ordinal()];
    }

    private Option<NotebookAccess> access(ResultSet row, InstanceId id) throws SQLException {
        String url = NOTEBOOK_URL.read(row);
        if (url == null) {
            return Option.none();
        }
        byte[] token = cipher.open(NOTEBOOK_TOKEN.read(row), NOTEBOOK_TOKEN.associatedData(id));
        return Option.some(new NotebookAccess(url, new String(token, StandardCharsets.UTF_8)));
    }

    private static <T> Column<T> plain(String name, Class<T> type, Written written, Function<Instance, T> value) {
        return new Column<>(name, type, Form.PLAIN, written, value);
    }

    private static Column<String> jsonb(String name, Written written, Function<Instance, String> value) {
        return new Column<>(name, String.class, Form.JSONB, written, value);
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Option<Instant> instant(Column<OffsetDateTime> column, ResultSet row) throws SQLException {
        return Option.of(column.read(row)).map(OffsetDateTime::toInstant);
    }
}
