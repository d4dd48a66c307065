package io.demanager.testkit;

import io.demanager.application.port.out.InstanceListing;
import io.demanager.domain.autostop.AutoStopSettings;
import io.demanager.domain.catalog.Flavor;
import io.demanager.domain.catalog.FlavorType;
import io.demanager.domain.catalog.Profile;
import io.demanager.domain.catalog.PromoType;
import io.demanager.domain.catalog.SaleStatus;
import io.demanager.domain.catalog.StorageType;
import io.demanager.domain.idle.IdleStopSettings;
import io.demanager.domain.instance.AiProjectId;
import io.demanager.domain.instance.Credential;
import io.demanager.domain.instance.FailedReason;
import io.demanager.domain.instance.Instance;
import io.demanager.domain.instance.InstanceFilter;
import io.demanager.domain.instance.InstanceSort;
import io.demanager.domain.instance.InstanceStatus;
import io.demanager.domain.instance.NotebookAccess;
import io.demanager.domain.instance.NotebookSpec;
import io.demanager.domain.instance.PageRequest;
import io.demanager.domain.instance.Pool;
import io.demanager.domain.instance.PoolId;
import io.demanager.domain.instance.ProjectId;
import io.demanager.domain.instance.Storage;
import io.demanager.domain.instance.UserRef;
import io.demanager.domain.instance.WorkspaceId;
import io.vavr.collection.HashSet;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.control.Option;

import java.time.Duration;
import java.time.Instant;

/**
 * Sample instances and listings for the store contract. Instants are whole milliseconds, as the API writes them.
 * Instances start from {@link InstanceBuilder}, whose defaults (project, owner, creation time) they share.
 */
public final class StoreFixtures {

    public static final ProjectId PROJECT = InstanceBuilder.PROJECT;
    public static final ProjectId OTHER_PROJECT = InstanceBuilder.OTHER_PROJECT;
    public static final Instant CREATED_AT = InstanceBuilder.CREATED_AT;

    /** What a listing without parameters takes: every live instance of the default workspace. */
    public static final InstanceFilter DEFAULT_FILTER =
            new InstanceFilter(Option.none(), Instance.DEFAULT_WORKSPACE, Option.none(), Option.none());
    public static final InstanceSort BY_NAME = new InstanceSort(InstanceSort.Key.NAME, InstanceSort.Direction.ASC);
    public static final PageRequest ALL_IN_ONE_PAGE = new PageRequest(0, 0);

    /** A free GPU flavor with every optional part filled: billing, a storage subset, numeric and text params. */
    public static final Flavor EVERYTHING_FLAVOR = new Flavor("modelarts.vm.gpu.free", FlavorType.GPU, PromoType.FREE,
            SaleStatus.SOLD_OUT, List.of(StorageType.OBS, StorageType.EVS),
            LinkedHashMap.of("CPU", (Object) 8, "GPU", 1, "gpu_type", "P100", "memory", "64GiB"),
            Option.some(Duration.ofSeconds(3_600)), 72, Option.some("modelarts.vm.gpu.free.billing"), Option.some(1));

    public static final Profile EVERYTHING_PROFILE = new Profile("Multi-Engine 2.0 (python3)", "Multi-Engine 2.0 (python3)",
            "Données et modèles – 数据", HashSet.of(FlavorType.CPU, FlavorType.GPU),
            new Profile.Image("atelier", "notebook2.0-mul-kernel-cp36", "2.0.0"),
            LinkedHashMap.of("engine", "tensorflow", "python", "3.6"));

    private StoreFixtures() {
    }

    public static InstanceBuilder anInstance() {
        return InstanceBuilder.anInstance();
    }

    /** An instance with every optional part present, in {@code status}; the builder sets what that status needs. */
    public static InstanceBuilder everythingFilled(InstanceStatus status) {
        return InstanceBuilder.anInstance()
                .name("everything_1-A")
                .description("Unicode survives: Grüße, 数据, emoji \uD83D\uDE80; and punctuation ()[]{}")
                .status(status)
                .createdAt(CREATED_AT)
                .updatedAt(CREATED_AT.plusMillis(1_234))
                .profile(EVERYTHING_PROFILE)
                .flavor(EVERYTHING_FLAVOR)
                .pool(new Pool(new PoolId("pool-7"), "dedicated pool", PROJECT))
                .spec(new NotebookSpec(
                        new Storage(StorageType.OBS, Option.some("obs://bucket/work/"), Option.none(), Option.none(), Option.none()),
                        List.of(new Storage(StorageType.EVS, Option.none(), Option.some(100), Option.none(), Option.none()),
                                new Storage(StorageType.OBSFS, Option.some("parallel-bucket"), Option.none(),
                                        Option.some("/home/ma-user/work/data"), Option.some(Storage.AccessMode.ReadOnlyMany))),
                        Option.some(new Credential("AKIAEXAMPLE12345", "secret/key+with=signs")),
                        LinkedHashMap.of("team", "vision", "cost-center", "42"),
                        LinkedHashMap.of("gpu_driver", "470")))
                .autoStop(new AutoStopSettings(true, Option.some(Duration.ofSeconds(3_600)), false))
                .idleStop(new IdleStopSettings(true, Option.some(Duration.ofSeconds(1_800))))
                .access(new NotebookAccess("http://127.0.0.1:47123/", "notebook-token+with/signs="))
                .workspace("workspace-9")
                .aiProject("ai-project-3")
                .owner(new UserRef("user-42", "Zoë"));
    }

    public static FailedReason failedReason() {
        return new FailedReason("ModelArts.6404", "The image could not be pulled.",
                LinkedHashMap.of("image", "atelier/notebook:2.0.0", "node", "node-3"));
    }

    /** A listing of everything in {@code project}, by name ascending, in one page; change what a test needs. */
    public static Listing listing(ProjectId project) {
        return new Listing(project);
    }

    /** A builder of {@link InstanceListing}, which has too many parts to write out in every test. */
    public static final class Listing {

        private final ProjectId projectId;
        private Option<InstanceStatus> status = Option.none();
        private WorkspaceId workspaceId = Instance.DEFAULT_WORKSPACE;
        private Option<AiProjectId> aiProjectId = Option.none();
        private Option<PoolId> poolId = Option.none();
        private Option<String> ownerId = Option.none();
        private InstanceSort sort = BY_NAME;
        private PageRequest page = ALL_IN_ONE_PAGE;

        private Listing(ProjectId projectId) {
            this.projectId = projectId;
        }

        public Listing status(InstanceStatus value) {
            status = Option.some(value);
            return this;
        }

        public Listing workspace(String value) {
            workspaceId = new WorkspaceId(value);
            return this;
        }

        public Listing aiProject(String value) {
            aiProjectId = Option.some(new AiProjectId(value));
            return this;
        }

        public Listing pool(String value) {
            poolId = Option.some(new PoolId(value));
            return this;
        }

        public Listing owner(String value) {
            ownerId = Option.some(value);
            return this;
        }

        public Listing sortedBy(InstanceSort.Key key, InstanceSort.Direction direction) {
            sort = new InstanceSort(key, direction);
            return this;
        }

        public Listing page(int offset, int limit) {
            page = new PageRequest(offset, limit);
            return this;
        }

        public InstanceListing build() {
            return new InstanceListing(projectId, new InstanceFilter(status, workspaceId, aiProjectId, poolId), ownerId,
                    sort, page);
        }
    }
}
