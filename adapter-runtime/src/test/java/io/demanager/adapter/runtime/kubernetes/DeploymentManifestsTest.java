package io.demanager.adapter.runtime.kubernetes;

import io.demanager.adapter.runtime.NotebookRuntimeContract;
import io.demanager.adapter.runtime.ReportedProgress;
import io.demanager.application.port.out.DesiredState;
import io.demanager.domain.catalog.StorageType;
import io.demanager.domain.instance.Instance;
import io.demanager.domain.instance.InstanceStatus;
import io.demanager.domain.instance.NotebookAccess;
import io.demanager.domain.instance.NotebookSpec;
import io.demanager.domain.instance.RuntimeEvent;
import io.demanager.domain.instance.Storage;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.vavr.collection.HashSet;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.collection.Set;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.demanager.testkit.InstanceBuilder.anInstance;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The manifests of {@code docs/deploy/kubernetes/} are what {@code docs/deploy.md} says, and their Role grants the
 * runtime exactly what it asks of the API server: every request the runtime makes while it creates, fails, stops,
 * starts, restarts, finds again, resyncs and deletes notebooks is recorded, and compared with the Role's rules.
 */
@Execution(ExecutionMode.CONCURRENT)
class DeploymentManifestsTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path MANIFESTS = ROOT.resolve("docs/deploy/kubernetes");
    private static final String NAMESPACE = "demanager-notebooks";
    private static final Duration WITHIN = Duration.ofSeconds(60);
    private static final Pattern NAMED_MANIFEST = Pattern.compile("deploy/kubernetes/([A-Za-z0-9_.-]+)");
    private static final Pattern RESOURCE_PATH = Pattern.compile(
            "/(?:api/v1|apis/(?<group>[^/]+)/[^/]+)/namespaces/[^/]+/(?<resource>[^/]+)(?:/(?<name>[^/]+)(?:/(?<sub>[^/]+))?)?");

    /** What the runtime may do to one kind of object: the API group, the resource (with its subresource) and the verb. */
    record Grant(String group, String resource, String verb) {
    }

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    @Test
    void everyManifestTheGuideNamesExistsAndParses() throws IOException {
        String guide = Files.readString(ROOT.resolve("docs/deploy.md"), StandardCharsets.UTF_8);
        Set<String> named = HashSet.ofAll(NAMED_MANIFEST.matcher(guide).results().map(found -> found.group(1)).toList());

        assertThat(named).contains("namespaces.yaml", "serviceaccount.yaml", "role.yaml", "configmap.yaml", "deployment.yaml",
                "service.yaml", "poddisruptionbudget.yaml", "Containerfile");
        named.forEach(file -> assertThat(MANIFESTS.resolve(file)).as(file).isRegularFile());
        named.filter(file -> file.endsWith(".yaml")).forEach(file -> assertThat(objects(file)).as(file).isNotEmpty());
    }

    @Test
    void theImageRunsTheClustersJarWhichCarriesTheKubernetesClient() throws IOException {
        String image = Files.readString(MANIFESTS.resolve("Containerfile"), StandardCharsets.UTF_8);

        assertThat(image).contains("COPY bootstrap/target/demanager-server-kubernetes.jar ")
                .contains("\"-jar\", \"/opt/demanager/demanager-server-kubernetes.jar\"");
    }

    @Test
    void threeReplicasProbedOnHealthOnOneServiceAccountThatTheRoleIsBoundTo() {
        Deployment deployment = single("deployment.yaml", Deployment.class);
        var pod = deployment.getSpec().getTemplate().getSpec();
        var container = pod.getContainers().get(0);
        RoleBinding binding = single("role.yaml", RoleBinding.class);
        ConfigMap configuration = single("configmap.yaml", ConfigMap.class);

        assertThat(deployment.getSpec().getReplicas()).isEqualTo(3);
        assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/health/live");
        assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/health/ready");
        assertThat(List.ofAll(container.getEnv()).map(env -> env.getValueFrom().getSecretKeyRef().getName())).containsOnly("demanager");
        assertThat(pod.getVolumes()).anySatisfy(volume -> assertThat(volume.getSecret().getSecretName()).isEqualTo("demanager"));
        assertThat(binding.getSubjects()).singleElement().satisfies(subject -> {
            assertThat(subject.getName()).isEqualTo(pod.getServiceAccountName());
            assertThat(subject.getNamespace()).isEqualTo(deployment.getMetadata().getNamespace());
        });
        assertThat(binding.getRoleRef().getName()).isEqualTo(single("role.yaml", Role.class).getMetadata().getName());
        assertThat(configuration.getData()).containsEntry("DEMANAGER_RUNTIME", "kubernetes")
                .containsEntry("DEMANAGER_KUBERNETES_NAMESPACE", NAMESPACE);
        assertThat(single("poddisruptionbudget.yaml", PodDisruptionBudget.class).getSpec().getSelector().getMatchLabels())
                .isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
    }

    @Test
    void theRoleGrantsEveryRequestOfTheRuntimeAndNothingMore() {
        Role role = single("role.yaml", Role.class);
        Set<Grant> granted = List.ofAll(role.getRules()).flatMap(DeploymentManifestsTest::grants).toSet();

        Set<Grant> used = requestsOfEveryKindOfWork().map(DeploymentManifestsTest::grantFor).toSet();

        assertThat(role.getMetadata().getNamespace()).isEqualTo(NAMESPACE);
        assertThat(used.diff(granted)).as("requests the Role does not grant").isEmpty();
        assertThat(granted.diff(used)).as("rights the runtime never uses").isEmpty();
    }

    /** Every request the runtime made while it did every kind of work it does. */
    private List<RecordedRequest> requestsOfEveryKindOfWork() {
        var cluster = new MockCluster();
        java.util.List<KubernetesNotebookRuntime> runtimes = new java.util.ArrayList<>();
        try {
            KubernetesClient client = cluster.client();
            var reports = new ReportedProgress();
            var settings = new KubernetesRuntimeSettings(NAMESPACE, Option.none(), Option.none(), WITHIN, Duration.ofMillis(300), Option.none());
            var first = new KubernetesNotebookRuntime(client, settings);
            runtimes.add(first);
            first.reportTo(reports);
            Instance kept = anInstance().status(InstanceStatus.CREATING).spec(new NotebookSpec(
                    new Storage(StorageType.EVS, Option.none(), Option.some(5), Option.none(), Option.none()),
                    List.empty(), Option.none(), LinkedHashMap.empty(), LinkedHashMap.empty())).build();
            Instance orphan = anInstance().status(InstanceStatus.CREATING).build();
            first.ensure(kept, DesiredState.RUNNING);
            first.ensure(orphan, DesiredState.RUNNING);
            assertThat(reports.next(kept.id(), WITHIN)).isInstanceOf(RuntimeEvent.Created.class);
            assertThat(reports.next(orphan.id(), WITHIN)).isInstanceOf(RuntimeEvent.Created.class);
            first.ensure(NotebookRuntimeContract.in(kept, InstanceStatus.STOPPING), DesiredState.STOPPED);
            assertThat(reports.next(kept.id(), WITHIN)).isInstanceOf(RuntimeEvent.Stopped.class);
            first.ensure(NotebookRuntimeContract.in(kept, InstanceStatus.STARTING), DesiredState.RUNNING);
            assertThat(reports.next(kept.id(), WITHIN)).isInstanceOf(RuntimeEvent.Started.class);
            first.ensure(NotebookRuntimeContract.in(kept, InstanceStatus.RESTARTING), DesiredState.RESTARTED);
            NotebookAccess access = ((RuntimeEvent.Launched) reports.next(kept.id(), WITHIN)).access();
            first.close();

            var second = new KubernetesNotebookRuntime(client, settings);
            runtimes.add(second);
            second.reportTo(reports);
            second.removeObjectsUnless(ref -> !ref.instanceId().equals(orphan.id()));
            second.ensure(NotebookRuntimeContract.running(kept, access), DesiredState.RUNNING);
            Instance failing = anInstance().status(InstanceStatus.CREATING).build();
            var pullFails = new KubernetesNotebookRuntime(client, new KubernetesRuntimeSettings(NAMESPACE, Option.some("pull-fails.invalid"),
                    Option.none(), WITHIN, settings.resyncPeriod(), Option.none()));
            runtimes.add(pullFails);
            pullFails.reportTo(reports);
            pullFails.ensure(failing, DesiredState.RUNNING);
            assertThat(reports.next(failing.id(), WITHIN)).isInstanceOf(RuntimeEvent.CreateFailed.class);
            second.ensure(NotebookRuntimeContract.in(kept, InstanceStatus.DELETED), DesiredState.GONE);
            Instant deadline = Instant.now().plus(WITHIN);
            KubernetesClient observer = cluster.observer();
            while (anyObjectLeft(observer, kept) || anyObjectLeft(observer, orphan)) {
                assertThat(Instant.now()).as("the deleted and the left-over instances' objects are removed").isBefore(deadline);
                pause();
            }
            return List.ofAll(cluster.runtimeRequests());
        } finally {
            cluster.close();
            runtimes.forEach(KubernetesNotebookRuntime::close);
        }
    }

    /** Whether any object the runtime wrote for {@code instance} is still there: a removal deletes them one after the other. */
    private static boolean anyObjectLeft(KubernetesClient client, Instance instance) {
        return java.util.stream.Stream.of(client.apps().statefulSets(), client.services(), client.secrets(), client.persistentVolumeClaims())
                .anyMatch(objects -> !objects.inNamespace(NAMESPACE).withLabel(NotebookObjects.INSTANCE, instance.id().value())
                        .list().getItems().isEmpty());
    }

    private static Grant grantFor(RecordedRequest request) {
        String path = URI.create(request.getPath()).getPath();
        String query = Option.of(URI.create(request.getPath()).getQuery()).getOrElse("");
        Matcher matched = RESOURCE_PATH.matcher(path);
        assertThat(matched.matches()).as("a request about objects of a namespace: " + request.getPath()).isTrue();
        String group = Option.of(matched.group("group")).getOrElse("");
        String resource = matched.group("resource") + Option.of(matched.group("sub")).map(sub -> "/" + sub).getOrElse("");
        boolean named = matched.group("name") != null;
        String verb = switch (request.getMethod()) {
            case "GET" -> named ? "get" : query.contains("watch=true") ? "watch" : "list";
            case "POST" -> "create";
            case "PUT" -> "update";
            case "PATCH" -> "patch";
            case "DELETE" -> named ? "delete" : "deletecollection";
            default -> throw new AssertionError("an unexpected request: " + request.getMethod() + " " + request.getPath());
        };
        return new Grant(group, resource, verb);
    }

    private static List<Grant> grants(PolicyRule rule) {
        return List.ofAll(rule.getApiGroups()).flatMap(group -> List.ofAll(rule.getResources())
                .flatMap(resource -> List.ofAll(rule.getVerbs()).map(verb -> new Grant(group, resource, verb))));
    }

    private List<HasMetadata> objects(String file) {
        try (InputStream manifest = Files.newInputStream(MANIFESTS.resolve(file))) {
            Object parsed = SERIALIZATION.unmarshal(manifest);
            return parsed instanceof java.util.List<?> many ? List.ofAll(many).map(HasMetadata.class::cast) : List.of((HasMetadata) parsed);
        } catch (IOException e) {
            throw new AssertionError(file + " cannot be read", e);
        }
    }

    private <T extends HasMetadata> T single(String file, Class<T> kind) {
        return objects(file).filter(kind::isInstance).map(kind::cast).single();
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
