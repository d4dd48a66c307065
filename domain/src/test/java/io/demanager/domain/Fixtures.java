package io.demanager.domain;

import io.demanager.domain.autostop.AutoStopChange;
import io.demanager.domain.autostop.AutoStopPolicy;
import io.demanager.domain.autostop.AutoStopSettings;
import io.demanager.domain.catalog.Flavor;
import io.demanager.domain.catalog.FlavorType;
import io.demanager.domain.catalog.Profile;
import io.demanager.domain.catalog.PromoType;
import io.demanager.domain.catalog.SaleStatus;
import io.demanager.domain.catalog.StorageType;
import io.demanager.domain.error.DomainError;
import io.demanager.domain.error.StorageAttribute;
import io.demanager.domain.idle.IdleStopChange;
import io.demanager.domain.idle.IdleStopPolicy;
import io.demanager.domain.idle.IdleStopSettings;
import io.demanager.domain.instance.Description;
import io.demanager.domain.instance.FailedReason;
import io.demanager.domain.instance.Instance;
import io.demanager.domain.instance.InstanceCreation;
import io.demanager.domain.instance.InstanceId;
import io.demanager.domain.instance.InstanceName;
import io.demanager.domain.instance.InstanceStatus;
import io.demanager.domain.instance.NotebookAccess;
import io.demanager.domain.instance.NotebookSpec;
import io.demanager.domain.instance.Pool;
import io.demanager.domain.instance.PoolId;
import io.demanager.domain.instance.ProjectId;
import io.demanager.domain.instance.RuntimeEvent;
import io.demanager.domain.instance.Storage;
import io.demanager.domain.instance.UserRef;
import io.vavr.collection.HashSet;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Sample catalog entries, instances and creation requests shared by the domain's tests. */
public final class Fixtures {

    public static final Instant CREATED_AT = Instant.parse("2020-07-16T08:22:29.962Z");
    public static final Instant NOW = Instant.parse("2020-07-16T09:00:00Z");

    public static final ProjectId PROJECT = new ProjectId("b0a9a6bc95a2416d8c8c2c6c4e2cc1f3");
    public static final UserRef OWNER = new UserRef("15dda26361214ca2a5953917d2f48ffb", "ops_dev_env");
    public static final NotebookAccess NOTEBOOK = new NotebookAccess("http://127.0.0.1:40001/", "notebook-token");
    public static final InstanceId INSTANCE_ID = new InstanceId(UUID.fromString("7d558ef8-c73d-11ea-964c-0255ac100033"));
    public static final Pool DEDICATED_POOL = new Pool(new PoolId("pool-3a1b"), "team-pool", PROJECT);

    public static final Flavor PAID_CPU = paid("modelarts.vm.cpu.2u", FlavorType.CPU,
            LinkedHashMap.of("CPU", 2, "memory", "8GiB"));
    public static final Flavor PAID_GPU = paid("modelarts.bm.gpu.v100NV32", FlavorType.GPU,
            LinkedHashMap.of("CPU", 8, "GPU", 1, "gpu_type", "v100NV32", "memory", "64GiB"));
    public static final Flavor FREE_CPU = free("modelarts.vm.cpu.free", FlavorType.CPU, Duration.ofSeconds(3_600), 72);
    public static final Flavor SOLD_OUT_CPU = new Flavor("modelarts.vm.cpu.8u", FlavorType.CPU, PAID_CPU.promoType(),
            SaleStatus.SOLD_OUT, PAID_CPU.storageTypes(), PAID_CPU.params(), Option.none(), -1, Option.none(), Option.none());
    public static final Flavor OBS_ONLY_CPU = new Flavor("modelarts.vm.cpu.obs", FlavorType.CPU, PAID_CPU.promoType(),
            SaleStatus.ON_SALE, List.of(StorageType.OBS), PAID_CPU.params(), Option.none(), -1, Option.none(), Option.none());

    public static final Profile CPU_PROFILE = profile("Multi-Engine 1.0 (python3)-cpu", FlavorType.CPU);
    public static final Profile GPU_PROFILE = profile("Python3-gpu", FlavorType.GPU);

    private static final List<Flavor> FLAVORS = List.of(PAID_CPU, PAID_GPU, FREE_CPU, SOLD_OUT_CPU, OBS_ONLY_CPU);
    private static final List<Profile> PROFILES = List.of(CPU_PROFILE, GPU_PROFILE);

    private Fixtures() {
    }

    /** An instance of {@code flavor} in {@code status}, with the auto stop a new instance of that flavor gets. */
    public static Instance instance(InstanceStatus status, Flavor flavor) {
        return instance(status, flavor, AutoStopSettings.initialFor(flavor));
    }

    /** An instance as a store would give it back: no lease, queued since its creation when its status is a queue. */
    public static Instance instance(InstanceStatus status, Flavor flavor, AutoStopSettings autoStop) {
        Profile profile = flavor.type() == FlavorType.GPU ? GPU_PROFILE : CPU_PROFILE;
        NotebookSpec spec = new NotebookSpec(
                new Storage(StorageType.OBS, Option.some("/bucket/notebooks/"), Option.none(), Option.none(), Option.none()),
                List.empty(), Option.none(), LinkedHashMap.empty(), LinkedHashMap.empty());
        return new Instance(INSTANCE_ID, PROJECT, new InstanceName("notebook-c6fd"), Description.EMPTY, status,
                CREATED_AT, CREATED_AT, profile, flavor, Option.none(), spec, autoStop, Option.none(), Option.none(),
                status.isQueued() ? Option.some(CREATED_AT) : Option.none(),
                status.isInactive() ? Option.some(CREATED_AT) : Option.none(), Option.none(),
                Instance.DEFAULT_WORKSPACE, Instance.DEFAULT_AI_PROJECT, OWNER, IdleStopSettings.DISABLED,
                status == InstanceStatus.RUNNING ? Option.some(CREATED_AT) : Option.none(), Option.none(), 3);
    }

    /** A paid CPU instance that entered RUNNING at {@code since}, through the runtime's report. */
    public static Instance runningSince(Instant since, AutoStopSettings autoStop) {
        return instance(InstanceStatus.STARTING, PAID_CPU, autoStop).onRuntimeEvent(new RuntimeEvent.Started(NOTEBOOK), since).get();
    }

    public static AutoStopSettings enabledFor(Duration duration) {
        return new AutoStopSettings(true, Option.some(duration), true);
    }

    public static FailedReason failedReason(String code) {
        return new FailedReason(code, "the runtime reported " + code, LinkedHashMap.of("node", "node-17"));
    }

    /** One sample of every runtime event, failures carrying a reason. */
    public static List<RuntimeEvent> everyRuntimeEvent() {
        return List.of(
                new RuntimeEvent.Created(NOTEBOOK),
                new RuntimeEvent.CreateFailed(failedReason("CreateFailed")),
                new RuntimeEvent.Started(NOTEBOOK),
                new RuntimeEvent.StartFailed(failedReason("StartFailed")),
                new RuntimeEvent.Stopped(),
                new RuntimeEvent.Faulted(failedReason("Faulted")),
                new RuntimeEvent.CapacityFreed(),
                new RuntimeEvent.StartLaunched());
    }

    public static Storage.Request obs(String path) {
        return new Storage.Request(Option.some("obs"), Option.some(path), Option.none(), Option.none(), Option.none());
    }

    public static Storage.Request evs(Option<Integer> volumeSizeGb) {
        return new Storage.Request(Option.some("evs"), Option.none(), volumeSizeGb, Option.none(), Option.none());
    }

    public static Storage.Request obsfs(String bucket) {
        return new Storage.Request(Option.some("obsfs"), Option.some(bucket), Option.none(), Option.none(), Option.none());
    }

    public static CreationRequest creationRequest() {
        return new CreationRequest();
    }

    /** A valid creation request for a paid CPU instance on an OBS folder; each {@code with} changes one part. */
    public static final class CreationRequest {
        private String name = "notebook-c6fd";
        private Option<String> description = Option.none();
        private String profileId = CPU_PROFILE.id();
        private String flavorName = PAID_CPU.name();
        private Storage.Request storage = obs("/bucket/notebooks/");
        private List<Storage.Request> extendStorage = List.empty();
        private AutoStopChange autoStop = AutoStopChange.NONE;
        private IdleStopChange idleStop = IdleStopChange.NONE;
        private Option<Pool> pool = Option.none();

        public CreationRequest name(String value) { name = value; return this; }
        public CreationRequest description(String value) { description = Option.some(value); return this; }
        public CreationRequest profileId(String value) { profileId = value; return this; }
        public CreationRequest flavor(String value) { flavorName = value; return this; }
        public CreationRequest storage(Storage.Request value) { storage = value; return this; }
        public CreationRequest extendStorage(Storage.Request... values) { extendStorage = List.of(values); return this; }
        public CreationRequest autoStop(AutoStopChange value) { autoStop = value; return this; }
        public CreationRequest idleStop(IdleStopChange value) { idleStop = value; return this; }
        public CreationRequest inDedicatedPool() { pool = Option.some(DEDICATED_POOL); return this; }

        public InstanceCreation.Request build() {
            return new InstanceCreation.Request(PROJECT, OWNER, name, description, profileId, flavorName, storage,
                    extendStorage, autoStop, pool, Option.none(), Option.none(), Option.none(), LinkedHashMap.empty(), idleStop);
        }

        /** Create with the profile and flavor found in the sample catalog, with room left on free flavors. */
        public Either<DomainError, Instance> create() {
            return create(true, AutoStopPolicy.DEFAULT);
        }

        public Either<DomainError, Instance> create(boolean freeCapacityLeft, AutoStopPolicy policy) {
            var context = new InstanceCreation.Context(
                    PROFILES.find(profile -> profile.id().equals(profileId)),
                    FLAVORS.find(flavor -> flavor.name().equals(flavorName)),
                    freeCapacityLeft, policy, IdleStopPolicy.DEFAULT, INSTANCE_ID, NOW);
            return InstanceCreation.create(build(), context);
        }
    }

    private static Profile profile(String id, FlavorType type) {
        return new Profile(id, "Multi-Engine", "multi engine, python 3.6 for notebook", HashSet.of(type),
                new Profile.Image("atelier", "mul-kernel-" + type.name().toLowerCase(java.util.Locale.ROOT) + "-cp36", "2.0.5-B003"),
                LinkedHashMap.empty());
    }

    /** A paid flavor on sale for every storage type, the common case. */
    /** {@code part} of the main storage, as errors name it. */
    public static StorageAttribute mainStorage(StorageAttribute.Part part) {
        return new StorageAttribute(Option.none(), part);
    }

    /** {@code part} of the extended storage at {@code index}, as errors name it. */
    public static StorageAttribute extendedStorage(int index, StorageAttribute.Part part) {
        return new StorageAttribute(Option.some(index), part);
    }

    private static Flavor paid(String name, FlavorType type, Map<String, Object> params) {
        return new Flavor(name, type, PromoType.NO_DISCOUNT, SaleStatus.ON_SALE, List.of(StorageType.values()),
                params, Option.none(), -1, Option.none(), Option.none());
    }

    /** A free flavor with its mandatory auto stop and retention. */
    private static Flavor free(String name, FlavorType type, Duration autoStop, int storeTimeHours) {
        return new Flavor(name, type, PromoType.FREE, SaleStatus.ON_SALE, List.of(StorageType.values()),
                LinkedHashMap.empty(), Option.some(autoStop), storeTimeHours, Option.none(), Option.none());
    }
}
