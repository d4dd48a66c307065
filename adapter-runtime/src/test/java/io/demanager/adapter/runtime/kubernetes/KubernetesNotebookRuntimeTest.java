package io.demanager.adapter.runtime.kubernetes;

import com.sun.net.httpserver.HttpServer;
import io.demanager.adapter.runtime.NotebookRuntimeContract;
import io.demanager.adapter.runtime.ReportedProgress;
import io.demanager.application.port.in.InstanceRef;
import io.demanager.application.port.out.DesiredState;
import io.demanager.domain.catalog.Profile;
import io.demanager.domain.catalog.StorageType;
import io.demanager.domain.idle.NotebookActivity;
import io.demanager.domain.instance.FailedReason;
import io.demanager.domain.instance.Instance;
import io.demanager.domain.instance.InstanceStatus;
import io.demanager.domain.instance.NotebookAccess;
import io.demanager.domain.instance.NotebookSpec;
import io.demanager.domain.instance.RuntimeEvent;
import io.demanager.domain.instance.Storage;
import io.demanager.testkit.SampleCatalog;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.control.Option;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static io.demanager.testkit.InstanceBuilder.anInstance;
import static org.assertj.core.api.Assertions.assertThat;

/** What Kubernetes does to notebooks, and what the runtime makes of it, against the mock API server and test kubelet. */
@Execution(ExecutionMode.CONCURRENT)
class KubernetesNotebookRuntimeTest {

    private static final String NAMESPACE = "notebooks";
    private static final Duration WITHIN = Duration.ofSeconds(60);
    private static final Storage EVS = new Storage(StorageType.EVS, Option.none(), Option.some(20), Option.none(), Option.none());

    private final MockCluster cluster = new MockCluster();
    private final KubernetesClient client = cluster.client();
    private final ReportedProgress reports = new ReportedProgress();
    private final java.util.List<KubernetesNotebookRuntime> runtimes = new ArrayList<>();

    @AfterEach
    void closeClusterThenRuntimes() {
        cluster.close();
        runtimes.forEach(KubernetesNotebookRuntime::close);
    }

    @Test
    void theObjectsOfANotebookCarryItsImageFlavorTokenStorageAndAddress() {
        var runtime = runtime(settings().withRegistry("registry.example.com/").withBaseUrl("https://notebooks.example.com/"));
        Instance creating = anInstance().status(InstanceStatus.CREATING).profile(SampleCatalog.GPU_PROFILE).flavor(SampleCatalog.GPU)
                .spec(evs()).build();

        runtime.ensure(creating, DesiredState.RUNNING);
        NotebookAccess access = launched(creating, RuntimeEvent.Created.class);

        String name = NotebookObjects.name(creating.id());
        StatefulSet set = client.apps().statefulSets().inNamespace(NAMESPACE).withName(name).get();
        Container notebook = set.getSpec().getTemplate().getSpec().getContainers().get(0);
        var image = SampleCatalog.GPU_PROFILE.image();
        assertThat(notebook.getImage()).isEqualTo("registry.example.com/" + image.namespace() + "/" + image.name() + ":" + image.tag());
        assertThat(notebook.getResources().getLimits()).containsEntry("cpu", new Quantity("8")).containsEntry("memory", new Quantity("64Gi"))
                .containsEntry("nvidia.com/gpu", new Quantity("1"));
        assertThat(notebook.getResources().getRequests()).isEqualTo(notebook.getResources().getLimits());
        String prefix = "/notebook/" + creating.projectId().value() + "/" + creating.id().value();
        assertThat(notebook.getEnv()).anySatisfy(env -> {
            assertThat(env.getName()).isEqualTo("NB_PREFIX");
            assertThat(env.getValue()).isEqualTo(prefix);
        });
        assertThat(notebook.getEnv()).filteredOn(env -> env.getName().equals("JUPYTER_TOKEN")).singleElement().satisfies(env -> {
            assertThat(env.getValue()).as("the token is never in the StatefulSet").isNull();
            assertThat(env.getValueFrom().getSecretKeyRef().getName()).isEqualTo(name);
        });
        Secret secret = client.secrets().inNamespace(NAMESPACE).withName(name).get();
        assertThat(new String(Base64.getDecoder().decode(secret.getData().get("token")), StandardCharsets.UTF_8)).isEqualTo(access.token());
        assertThat(access.url()).isEqualTo("https://notebooks.example.com" + prefix + "/");

        Service service = client.services().inNamespace(NAMESPACE).withName(name).get();
        assertThat(service.getSpec().getSelector()).containsEntry(NotebookObjects.INSTANCE, creating.id().value());
        assertThat(List.of(service.getMetadata(), secret.getMetadata()).map(meta -> meta.getOwnerReferences().get(0).getUid()))
                .as("the Service and the Secret go with the StatefulSet").containsOnly(set.getMetadata().getUid());
        PersistentVolumeClaim claim = client.persistentVolumeClaims().inNamespace(NAMESPACE).withName(name + "-evs").get();
        assertThat(claim.getSpec().getResources().getRequests().get("storage")).isEqualTo(new Quantity("20Gi"));
        assertThat(claim.getSpec().getStorageClassName()).isEqualTo("ssd");
        assertThat(claim.getMetadata().getOwnerReferences()).as("the user's files outlive the StatefulSet").isEmpty();
        assertThat(set.getMetadata().getLabels()).containsEntry(NotebookObjects.INSTANCE, creating.id().value())
                .containsEntry(NotebookObjects.PROJECT, creating.projectId().value());
    }

    @Test
    void aStopKeepsTheFilesAStartGivesANewTokenAndADeletionRemovesEverything() {
        var runtime = runtime(settings());
        Instance creating = anInstance().status(InstanceStatus.CREATING).spec(evs()).build();
        runtime.ensure(creating, DesiredState.RUNNING);
        NotebookAccess first = launched(creating, RuntimeEvent.Created.class);

        runtime.ensure(in(creating, InstanceStatus.STOPPING), DesiredState.STOPPED);
        assertThat(reports.next(creating.id(), WITHIN)).isEqualTo(new RuntimeEvent.Stopped());
        assertThat(pod(creating)).as("no pod runs for a stopped notebook").isEmpty();
        assertThat(claim(creating)).as("a stop keeps the files").isNotEmpty();

        runtime.ensure(in(creating, InstanceStatus.STARTING), DesiredState.RUNNING);
        NotebookAccess second = launched(creating, RuntimeEvent.Started.class);
        assertThat(second.token()).isNotEqualTo(first.token());

        runtime.ensure(in(creating, InstanceStatus.DELETED), DesiredState.GONE);
        eventually(() -> objectsOf(creating).isEmpty());
        assertThat(claim(creating)).as("a deletion takes the files").isEmpty();
        assertThat(reports.nothingMore(creating.id(), Duration.ofMillis(300))).isTrue();
    }

    @Test
    void aRestartReplacesThePodAndGivesANewToken() {
        var runtime = runtime(settings());
        Instance creating = anInstance().status(InstanceStatus.CREATING).build();
        runtime.ensure(creating, DesiredState.RUNNING);
        NotebookAccess first = launched(creating, RuntimeEvent.Created.class);
        String firstPod = pod(creating).get();

        runtime.ensure(in(creating, InstanceStatus.RESTARTING), DesiredState.RESTARTED);
        NotebookAccess second = launched(creating, RuntimeEvent.Started.class);

        assertThat(second.token()).isNotEqualTo(first.token());
        assertThat(pod(creating)).as("a new pod").isNotEmpty().doesNotContain(firstPod);
    }

    @Test
    void anImageThatCannotBePulledFailsTheCreationWithKubernetesReason() {
        var runtime = runtime(settings());
        Instance creating = anInstance().status(InstanceStatus.CREATING).profile(image("pull-fails")).build();

        runtime.ensure(creating, DesiredState.RUNNING);

        FailedReason reason = failure(creating, RuntimeEvent.CreateFailed.class);
        assertThat(reason.code()).isEqualTo("Kubernetes.ImagePullBackOff");
        assertThat(reason.message()).contains("Back-off pulling image");
        assertThat(reason.detail().get("image").get()).contains("pull-fails");
        eventually(() -> replicas(creating) == 0);
    }

    @Test
    void aNotebookThatCrashLoopsFailsTheStartWithItsExitCode() {
        var runtime = runtime(settings());
        Instance starting = anInstance().status(InstanceStatus.STARTING).profile(image("crashes")).build();

        runtime.ensure(starting, DesiredState.RUNNING);

        FailedReason reason = failure(starting, RuntimeEvent.StartFailed.class);
        assertThat(reason.code()).isEqualTo("Kubernetes.CrashLoopBackOff");
        assertThat(reason.detail()).contains(io.vavr.Tuple.of("exit_code", "1"));
    }

    @Test
    void aPodNoNodeCanTakeFailsAtTheStartTimeoutWithTheSchedulersWord() {
        var runtime = runtime(settings().withStartTimeout(Duration.ofSeconds(5)));
        Instance creating = anInstance().status(InstanceStatus.CREATING).profile(image("unschedulable")).build();

        runtime.ensure(creating, DesiredState.RUNNING);

        assertThat(reports.nothingMore(creating.id(), Duration.ofSeconds(2))).as("a pod waiting for a node may still get one").isTrue();
        FailedReason reason = failure(creating, RuntimeEvent.CreateFailed.class);
        assertThat(reason.code()).isEqualTo("Kubernetes.Unschedulable");
        assertThat(reason.message()).contains("5 s").contains("Insufficient nvidia.com/gpu");
    }

    @Test
    void aPodThatNeverBecomesReadyFailsAtTheStartTimeout() {
        var runtime = runtime(settings().withStartTimeout(Duration.ofSeconds(5)));
        Instance starting = anInstance().status(InstanceStatus.STARTING).profile(image("never-ready")).build();

        runtime.ensure(starting, DesiredState.RUNNING);

        FailedReason reason = failure(starting, RuntimeEvent.StartFailed.class);
        assertThat(reason.code()).isEqualTo("Kubernetes.StartTimeout");
        eventually(() -> replicas(starting) == 0);
    }

    @Test
    void aReadyNotebookKilledForItsMemoryIsReportedFaultedAndNothingRunsForItAnyMore() {
        var runtime = runtime(settings());
        Instance creating = anInstance().status(InstanceStatus.CREATING).build();
        runtime.ensure(creating, DesiredState.RUNNING);
        launched(creating, RuntimeEvent.Created.class);

        cluster.kubelet().oomKill(NAMESPACE, NotebookObjects.podName(creating.id()));

        FailedReason reason = failure(creating, RuntimeEvent.Faulted.class);
        assertThat(reason.code()).isEqualTo("Kubernetes.OOMKilled");
        assertThat(reason.detail()).contains(io.vavr.Tuple.of("exit_code", "137"));
        eventually(() -> replicas(creating) == 0);
    }

    @Test
    void aReadyNotebookWhosePodIsDeletedIsReportedFaulted() {
        var runtime = runtime(settings());
        Instance creating = anInstance().status(InstanceStatus.CREATING).build();
        runtime.ensure(creating, DesiredState.RUNNING);
        launched(creating, RuntimeEvent.Created.class);

        cluster.kubelet().deletePod(NAMESPACE, NotebookObjects.podName(creating.id()));

        assertThat(failure(creating, RuntimeEvent.Faulted.class).code()).isIn("Kubernetes.PodGone");
    }

    @Test
    void theResyncReportsWhatAWatchThatDiedNeverSaid() {
        var runtime = runtime(settings().withResync(Duration.ofMillis(300)));
        Instance creating = anInstance().status(InstanceStatus.CREATING).build();
        cluster.kubelet().pause(NotebookObjects.name(creating.id()));
        runtime.ensure(creating, DesiredState.RUNNING);
        assertThat(reports.nothingMore(creating.id(), Duration.ofMillis(500))).isTrue();

        runtime.loseWatches();
        cluster.kubelet().resume(NAMESPACE, NotebookObjects.name(creating.id()));

        launched(creating, RuntimeEvent.Created.class);
    }

    @Test
    void aNewServerFindsARunningNotebookAgainReportsAGoneOneAndRemovesTheObjectsOfADeletedInstance() {
        var first = runtime(settings());
        Instance kept = anInstance().status(InstanceStatus.CREATING).build();
        Instance lost = anInstance().status(InstanceStatus.CREATING).build();
        Instance deleted = anInstance().status(InstanceStatus.CREATING).spec(evs()).build();
        List.of(kept, lost, deleted).forEach(instance -> first.ensure(instance, DesiredState.RUNNING));
        NotebookAccess keptAccess = launched(kept, RuntimeEvent.Created.class);
        NotebookAccess lostAccess = launched(lost, RuntimeEvent.Created.class);
        launched(deleted, RuntimeEvent.Created.class);
        first.close();

        client.apps().statefulSets().inNamespace(NAMESPACE).withName(NotebookObjects.name(lost.id()))
                .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"replicas\":0}}");
        eventually(() -> pod(lost).isEmpty());
        var second = runtime(settings().withResync(Duration.ofMillis(300)));
        second.removeObjectsUnless(ref -> !ref.instanceId().equals(deleted.id()));
        second.ensure(running(kept, keptAccess), DesiredState.RUNNING);
        second.ensure(running(lost, lostAccess), DesiredState.RUNNING);

        assertThat(failure(lost, RuntimeEvent.Faulted.class).code()).isEqualTo("Kubernetes.PodGone");
        eventually(() -> objectsOf(deleted).isEmpty() && claim(deleted).isEmpty());
        assertThat(reports.nothingMore(kept.id(), Duration.ofMillis(500))).as("the kept notebook is not reported again").isTrue();
        assertThat(objectsOf(kept)).isNotEmpty();
        assertThat(pod(kept)).isNotEmpty();
    }

    @Test
    void theActivityOfANotebookIsReadFromItsKernelsAndTerminalsThroughItsService() throws IOException {
        HttpServer notebook = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        Instance creating = anInstance().status(InstanceStatus.CREATING).build();
        String prefix = "/notebook/" + creating.projectId().value() + "/" + creating.id().value();
        Map<String, String> answers = Map.of(
                prefix + "/api/kernels", "[{\"id\":\"k1\",\"execution_state\":\"busy\",\"last_activity\":\"2026-01-02T03:04:05Z\"}]",
                prefix + "/api/terminals", "[{\"name\":\"1\",\"last_activity\":\"2026-01-02T03:05:00Z\"}]");
        java.util.List<String> tokens = new java.util.concurrent.CopyOnWriteArrayList<>();
        notebook.createContext("/", exchange -> {
            tokens.add(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = answers.getOrDefault(exchange.getRequestURI().getPath(), "").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(body.length == 0 ? 404 : 200, body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        notebook.start();
        try {
            var runtime = new KubernetesNotebookRuntime(client, settings().value(),
                    id -> "http://127.0.0.1:" + notebook.getAddress().getPort(), () -> { });
            runtimes.add(runtime);
            runtime.reportTo(reports);
            assertThat(runtime.activity(in(creating, InstanceStatus.STOPPED))).as("nothing runs").isEmpty();
            runtime.ensure(creating, DesiredState.RUNNING);
            NotebookAccess access = launched(creating, RuntimeEvent.Created.class);

            NotebookActivity activity = readSoon(() -> runtime.activity(running(creating, access)));

            assertThat(activity.kernels()).singleElement().satisfies(kernel -> assertThat(kernel.busy()).isTrue());
            assertThat(activity.openTerminals()).isEqualTo(1);
            assertThat(activity.lastActivity()).contains(Instant.parse("2026-01-02T03:05:00Z"));
            assertThat(tokens).containsOnly("token " + access.token());
        } finally {
            notebook.stop(0);
        }
    }

    /** Settings for one test: short delays, the kubelet's namespace. */
    record Settings(KubernetesRuntimeSettings value) {
        Settings withRegistry(String registry) {
            return new Settings(new KubernetesRuntimeSettings(value.namespace(), Option.some(registry), value.baseUrl(), value.startTimeout(),
                    value.resyncPeriod(), value.storageClass()));
        }

        Settings withBaseUrl(String url) {
            return new Settings(new KubernetesRuntimeSettings(value.namespace(), value.registryPrefix(), Option.some(url), value.startTimeout(),
                    value.resyncPeriod(), value.storageClass()));
        }

        Settings withStartTimeout(Duration timeout) {
            return new Settings(new KubernetesRuntimeSettings(value.namespace(), value.registryPrefix(), value.baseUrl(), timeout,
                    value.resyncPeriod(), value.storageClass()));
        }

        Settings withResync(Duration period) {
            return new Settings(new KubernetesRuntimeSettings(value.namespace(), value.registryPrefix(), value.baseUrl(), value.startTimeout(),
                    period, value.storageClass()));
        }
    }

    static Settings settings() {
        return new Settings(new KubernetesRuntimeSettings(NAMESPACE, Option.none(), Option.none(), Duration.ofSeconds(20), Duration.ofSeconds(5),
                Option.some("ssd")));
    }

    private KubernetesNotebookRuntime runtime(Settings settings) {
        var runtime = new KubernetesNotebookRuntime(client, settings.value());
        runtime.reportTo(reports);
        runtimes.add(runtime);
        return runtime;
    }

    private static NotebookSpec evs() {
        return new NotebookSpec(EVS, List.empty(), Option.none(), LinkedHashMap.empty(), LinkedHashMap.empty());
    }

    /** The sample CPU profile, with an image whose name tells the test kubelet how its pod fares. */
    private static Profile image(String behaviour) {
        Profile profile = SampleCatalog.CPU_PROFILE;
        return new Profile(profile.id(), profile.name(), profile.description(), profile.flavorTypes(),
                new Profile.Image(profile.image().namespace(), behaviour, profile.image().tag()), profile.labels());
    }

    private NotebookAccess launched(Instance instance, Class<? extends RuntimeEvent.Launched> expected) {
        RuntimeEvent outcome = reports.next(instance.id(), WITHIN);
        assertThat(outcome).as("what the launch reported").isInstanceOf(expected);
        return ((RuntimeEvent.Launched) outcome).access();
    }

    /**
     * What {@code read} answers once it answers something: a read of a notebook gives up after 2 s, which a busy
     * machine's test notebook can take, and an unread activity is none (a stop is then not decided on it).
     */
    private static <T> T readSoon(java.util.function.Supplier<Option<T>> read) {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        Option<T> answer = read.get();
        while (answer.isEmpty() && System.nanoTime() < deadline) {
            answer = read.get();
        }
        return answer.getOrElseThrow(() -> new AssertionError("nothing was read within " + WITHIN));
    }

    private FailedReason failure(Instance instance, Class<? extends RuntimeEvent.Failure> expected) {
        RuntimeEvent outcome = reports.next(instance.id(), WITHIN);
        assertThat(outcome).isInstanceOf(expected);
        return ((RuntimeEvent.Failure) outcome).reason();
    }

    private Option<String> pod(Instance instance) {
        return Option.of(client.pods().inNamespace(NAMESPACE).withName(NotebookObjects.podName(instance.id())).get())
                .map(pod -> pod.getMetadata().getUid());
    }

    private Option<PersistentVolumeClaim> claim(Instance instance) {
        return Option.of(client.persistentVolumeClaims().inNamespace(NAMESPACE).withName(NotebookObjects.claimName(instance.id())).get());
    }

    private int replicas(Instance instance) {
        return client.apps().statefulSets().inNamespace(NAMESPACE).withName(NotebookObjects.name(instance.id())).get().getSpec().getReplicas();
    }

    /** The instance's StatefulSet, pod, Service and Secret that are left. */
    private List<String> objectsOf(Instance instance) {
        String name = NotebookObjects.name(instance.id());
        return List.of(
                Option.of(client.apps().statefulSets().inNamespace(NAMESPACE).withName(name).get()).map(ignored -> "statefulset"),
                Option.of(client.pods().inNamespace(NAMESPACE).withName(name + "-0").get()).map(ignored -> "pod"),
                Option.of(client.services().inNamespace(NAMESPACE).withName(name).get()).map(ignored -> "service"),
                Option.of(client.secrets().inNamespace(NAMESPACE).withName(name).get()).map(ignored -> "secret")).flatMap(found -> found);
    }

    private static Instance in(Instance instance, InstanceStatus status) {
        return NotebookRuntimeContract.in(instance, status);
    }

    private static Instance running(Instance instance, NotebookAccess access) {
        return NotebookRuntimeContract.running(instance, access);
    }

    private static void eventually(Supplier<Boolean> condition) {
        Instant deadline = Instant.now().plus(WITHIN);
        while (!condition.get()) {
            assertThat(Instant.now()).as("still not so after " + WITHIN).isBefore(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
