package io.demanager.testkit;

import io.demanager.domain.autostop.AutoStopLease;
import io.demanager.domain.autostop.AutoStopSettings;
import io.demanager.domain.catalog.Flavor;
import io.demanager.domain.catalog.Profile;
import io.demanager.domain.catalog.StorageType;
import io.demanager.domain.idle.IdleStopSettings;
import io.demanager.domain.instance.AiProjectId;
import io.demanager.domain.instance.Description;
import io.demanager.domain.instance.FailedReason;
import io.demanager.domain.instance.Instance;
import io.demanager.domain.instance.InstanceId;
import io.demanager.domain.instance.InstanceName;
import io.demanager.domain.instance.InstanceStatus;
import io.demanager.domain.instance.NotebookAccess;
import io.demanager.domain.instance.NotebookSpec;
import io.demanager.domain.instance.Pool;
import io.demanager.domain.instance.ProjectId;
import io.demanager.domain.instance.Storage;
import io.demanager.domain.instance.UserRef;
import io.demanager.domain.instance.WorkspaceId;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.control.Option;

import java.time.Instant;
import java.util.UUID;

/**
 * Builds an {@link Instance} as a store would hold it, with plain defaults for whatever a test does not care about:
 * a STOPPED CPU instance of project {@link #PROJECT} with an OBS folder, a fresh id and a name made from it.
 * A queuing status gets its {@code queuedSince} (the creation time) unless one is given, an inactive one its
 * {@code inactiveSince} (the update time).
 */
public final class InstanceBuilder {

    public static final ProjectId PROJECT = new ProjectId("project-a");
    public static final ProjectId OTHER_PROJECT = new ProjectId("project-b");
    public static final UserRef OWNER = new UserRef("user-1", "alice");
    public static final Instant CREATED_AT = Instant.parse("2024-06-01T08:00:00Z");
    public static final Storage OBS_FOLDER = new Storage(StorageType.OBS, Option.some("/bucket/work/"),
            Option.none(), Option.none(), Option.none());

    private InstanceId id = new InstanceId(UUID.randomUUID());
    private ProjectId projectId = PROJECT;
    private Option<InstanceName> name = Option.none();
    private Description description = Description.EMPTY;
    private InstanceStatus status = InstanceStatus.STOPPED;
    private Instant createdAt = CREATED_AT;
    private Option<Instant> updatedAt = Option.none();
    private Profile profile = SampleCatalog.CPU_PROFILE;
    private Flavor flavor = SampleCatalog.CPU;
    private Option<Pool> pool = Option.none();
    private NotebookSpec spec = new NotebookSpec(OBS_FOLDER, List.empty(), Option.none(), LinkedHashMap.empty(),
            LinkedHashMap.empty());
    private AutoStopSettings autoStop = AutoStopSettings.DISABLED;
    private Option<AutoStopLease> lease = Option.none();
    private Option<FailedReason> failure = Option.none();
    private Option<Instant> queuedSince = Option.none();
    private Option<Instant> inactiveSince = Option.none();
    private Option<NotebookAccess> access = Option.none();
    private WorkspaceId workspaceId = Instance.DEFAULT_WORKSPACE;
    private AiProjectId aiProjectId = Instance.DEFAULT_AI_PROJECT;
    private UserRef owner = OWNER;
    private IdleStopSettings idleStop = IdleStopSettings.DISABLED;
    private Option<Instant> runningSince = Option.none();
    private Option<Instant> idleWarnedAt = Option.none();
    private long version;

    private InstanceBuilder() {
    }

    public static InstanceBuilder anInstance() {
        return new InstanceBuilder();
    }

    public InstanceBuilder id(InstanceId value) {
        id = value;
        return this;
    }

    public InstanceBuilder project(ProjectId value) {
        projectId = value;
        return this;
    }

    public InstanceBuilder name(String value) {
        name = Option.some(new InstanceName(value));
        return this;
    }

    public InstanceBuilder description(String value) {
        description = new Description(value);
        return this;
    }

    public InstanceBuilder status(InstanceStatus value) {
        status = value;
        return this;
    }

    /** Also the update time, unless one is given. */
    public InstanceBuilder createdAt(Instant value) {
        createdAt = value;
        return this;
    }

    public InstanceBuilder updatedAt(Instant value) {
        updatedAt = Option.some(value);
        return this;
    }

    public InstanceBuilder profile(Profile value) {
        profile = value;
        return this;
    }

    public InstanceBuilder flavor(Flavor value) {
        flavor = value;
        return this;
    }

    public InstanceBuilder pool(Pool value) {
        pool = Option.some(value);
        return this;
    }

    public InstanceBuilder spec(NotebookSpec value) {
        spec = value;
        return this;
    }

    public InstanceBuilder autoStop(AutoStopSettings value) {
        autoStop = value;
        return this;
    }

    /** A RUNNING instance whose run stops at {@code stopAt}. */
    public InstanceBuilder runningUntil(Instant stopAt) {
        status = InstanceStatus.RUNNING;
        lease = Option.some(new AutoStopLease(stopAt));
        return this;
    }

    public InstanceBuilder failure(FailedReason value) {
        failure = Option.some(value);
        return this;
    }

    /** How the notebook is opened if the instance is RUNNING, where it defaults to {@link TestNotebooks#ACCESS}. */
    public InstanceBuilder access(NotebookAccess value) {
        access = Option.some(value);
        return this;
    }

    public InstanceBuilder queuedSince(Instant value) {
        queuedSince = Option.some(value);
        return this;
    }

    public InstanceBuilder inactiveSince(Instant value) {
        inactiveSince = Option.some(value);
        return this;
    }

    public InstanceBuilder workspace(String value) {
        workspaceId = new WorkspaceId(value);
        return this;
    }

    public InstanceBuilder aiProject(String value) {
        aiProjectId = new AiProjectId(value);
        return this;
    }

    public InstanceBuilder owner(UserRef value) {
        owner = value;
        return this;
    }

    public InstanceBuilder idleStop(IdleStopSettings value) {
        idleStop = value;
        return this;
    }

    /** When the run of a RUNNING instance began, where it defaults to the update time. */
    public InstanceBuilder runningSince(Instant value) {
        runningSince = Option.some(value);
        return this;
    }

    public InstanceBuilder idleWarnedAt(Instant value) {
        idleWarnedAt = Option.some(value);
        return this;
    }

    public InstanceBuilder version(long value) {
        version = value;
        return this;
    }

    public Instance build() {
        Instant updated = updatedAt.getOrElse(createdAt);
        return new Instance(id, projectId,
                name.getOrElse(() -> new InstanceName("notebook-" + id.uuid().toString().substring(0, 8))),
                description, status, createdAt, updated, profile, flavor, pool, spec,
                autoStop, lease, failure,
                queuedSince.orElse(status.isQueued() ? Option.some(createdAt) : Option.none()),
                inactiveSince.orElse(status.isInactive() ? Option.some(updated) : Option.none()),
                status == InstanceStatus.RUNNING ? access.orElse(Option.some(TestNotebooks.ACCESS)) : Option.none(),
                workspaceId, aiProjectId, owner, idleStop,
                status == InstanceStatus.RUNNING ? runningSince.orElse(Option.some(updatedAt.getOrElse(createdAt))) : Option.none(),
                idleWarnedAt, version);
    }
}
