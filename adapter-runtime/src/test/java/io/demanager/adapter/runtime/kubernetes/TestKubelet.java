package io.demanager.adapter.runtime.kubernetes;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;

import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * What the StatefulSet controller, the scheduler and the kubelet of a real cluster do, as far as the runtime can see:
 * a StatefulSet with a replica gets its pod {@code <name>-0}, which goes from Pending to Running and Ready; a
 * StatefulSet scaled to 0 or deleted loses its pod, and a deleted pod of a StatefulSet that wants one is made again.
 * The image says how its pod fares: {@code pull-fails} in it never pulls, {@code crashes} crash-loops,
 * {@code unschedulable} finds no node, {@code never-ready} runs but never becomes ready; Kubernetes' events are
 * recorded as a real cluster does. {@link #pause} stops it for one StatefulSet for a while.
 */
final class TestKubelet implements AutoCloseable {

    private final KubernetesClient client;
    private final ExecutorService loop = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "test-kubelet");
        thread.setDaemon(true);
        return thread;
    });
    private final SharedIndexInformer<StatefulSet> sets;
    private final SharedIndexInformer<Pod> pods;
    private final Set<String> eventsRecorded = ConcurrentHashMap.newKeySet();
    private final Set<String> paused = ConcurrentHashMap.newKeySet();

    TestKubelet(KubernetesClient client) {
        this.client = client;
        this.sets = client.apps().statefulSets().inAnyNamespace().inform(new Step<>(meta -> meta.getName()), 0);
        this.pods = client.pods().inAnyNamespace().inform(new Step<>(meta -> meta.getName().substring(0, meta.getName().length() - 2)), 0);
    }

    /** Does nothing for the StatefulSet {@code name} until {@link #resume}: its pod stays as it is. */
    void pause(String name) {
        paused.add(name);
    }

    void resume(String namespace, String name) {
        paused.remove(name);
        loop.execute(() -> step(namespace, name));
    }

    /** The pod's container ends by itself, as the kernel's out-of-memory killer would end it. */
    void oomKill(String namespace, String podName) {
        Pod pod = client.pods().inNamespace(namespace).withName(podName).get();
        ContainerStatus container = new ContainerStatusBuilder(pod.getStatus().getContainerStatuses().get(0))
                .withReady(false)
                .withNewState().withNewTerminated().withExitCode(137).withReason("OOMKilled").endTerminated().endState()
                .build();
        pod.setStatus(new PodStatusBuilder(pod.getStatus()).withPhase("Failed").withReason(null)
                .withConditions(condition("Ready", "False", null, null)).withContainerStatuses(container).build());
        client.pods().inNamespace(namespace).resource(pod).updateStatus();
    }

    /** The pod is deleted behind the runtime's back, as a node that is drained would have it. */
    void deletePod(String namespace, String podName) {
        client.pods().inNamespace(namespace).withName(podName).delete();
    }

    @Override
    public void close() {
        sets.close();
        pods.close();
        loop.shutdownNow();
    }

    /** Brings the pod of StatefulSet {@code name} one step closer to what the StatefulSet asks for. */
    private void step(String namespace, String name) {
        if (paused.contains(name)) {
            return;
        }
        try {
            StatefulSet set = sets.getIndexer().getByKey(namespace + "/" + name);
            Pod pod = client.pods().inNamespace(namespace).withName(name + "-0").get();
            boolean wanted = set != null && Objects.requireNonNullElse(set.getSpec().getReplicas(), 1) > 0;
            if (wanted && pod == null) {
                create(set);
            } else if (!wanted && pod != null) {
                client.pods().inNamespace(namespace).resource(pod).delete();
            } else if (pod != null) {
                run(pod);
            }
        } catch (KubernetesClientException e) {
            // The next change of the StatefulSet or its pod brings it here again.
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(TestKubelet.class).error("The test kubelet failed a step", e);
        }
    }

    private void create(StatefulSet set) {
        var template = set.getSpec().getTemplate();
        Pod pod = new PodBuilder()
                .withNewMetadata()
                .withNamespace(set.getMetadata().getNamespace())
                .withName(set.getMetadata().getName() + "-0")
                .withUid(UUID.randomUUID().toString())
                .withLabels(template.getMetadata().getLabels())
                .withAnnotations(template.getMetadata().getAnnotations())
                .withOwnerReferences(new OwnerReferenceBuilder().withApiVersion("apps/v1").withKind("StatefulSet")
                        .withName(set.getMetadata().getName()).withUid(set.getMetadata().getUid()).withController(true).build())
                .endMetadata()
                .withSpec(template.getSpec())
                .withStatus(new PodStatusBuilder().withPhase("Pending").build())
                .build();
        client.pods().inNamespace(set.getMetadata().getNamespace()).resource(pod).create();
    }

    /** Moves a pod on by one step, as the scheduler and the kubelet would for its image. */
    private void run(Pod pod) {
        boolean pending = pod.getStatus() == null || pod.getStatus().getPhase() == null || "Pending".equals(pod.getStatus().getPhase());
        if (pod.getMetadata().getDeletionTimestamp() != null || !pending) {
            return;
        }
        String image = pod.getSpec().getContainers().get(0).getImage();
        PodStatus status;
        if (image.contains("unschedulable")) {
            status = new PodStatusBuilder().withPhase("Pending").withConditions(condition("PodScheduled", "False", "Unschedulable",
                    "0/3 nodes are available: 3 Insufficient nvidia.com/gpu.")).build();
            event(pod, "FailedScheduling", "0/3 nodes are available: 3 Insufficient nvidia.com/gpu.");
        } else if (image.contains("pull-fails")) {
            status = running(pod, "Pending", false, waiting(image, "ImagePullBackOff", "Back-off pulling image \"" + image + "\""), 0);
            event(pod, "Failed", "Failed to pull image \"" + image + "\": not found");
        } else if (image.contains("crashes")) {
            status = running(pod, "Running", false, new ContainerStatusBuilder(waiting(image, "CrashLoopBackOff",
                    "back-off 40s restarting failed container=notebook"))
                    .withNewLastState().withNewTerminated().withExitCode(1).withReason("Error").endTerminated().endLastState().build(), 3);
            event(pod, "BackOff", "Back-off restarting failed container notebook");
        } else {
            boolean ready = !image.contains("never-ready");
            status = running(pod, "Running", ready, new ContainerStatusBuilder().withName(NotebookObjects.CONTAINER).withImage(image)
                    .withReady(ready).withNewState().withNewRunning().withStartedAt(Instant.now().toString()).endRunning().endState()
                    .build(), 0);
        }
        pod.setStatus(status);
        client.pods().inNamespace(pod.getMetadata().getNamespace()).resource(pod).updateStatus();
    }

    private static PodStatus running(Pod pod, String phase, boolean ready, ContainerStatus container, int restarts) {
        container.setRestartCount(restarts);
        return new PodStatusBuilder().withPhase(phase)
                .withConditions(condition("PodScheduled", "True", null, null), condition("Ready", ready ? "True" : "False", null, null))
                .withContainerStatuses(container).build();
    }

    private static ContainerStatus waiting(String image, String reason, String message) {
        return new ContainerStatusBuilder().withName(NotebookObjects.CONTAINER).withImage(image).withReady(false)
                .withNewState().withNewWaiting().withReason(reason).withMessage(message).endWaiting().endState().build();
    }

    private static PodCondition condition(String type, String status, String reason, String message) {
        return new PodConditionBuilder().withType(type).withStatus(status).withReason(reason).withMessage(message).build();
    }

    private void event(Pod pod, String reason, String message) {
        String name = pod.getMetadata().getName() + "." + reason.toLowerCase();
        if (!eventsRecorded.add(pod.getMetadata().getNamespace() + "/" + name)) {
            return;
        }
        String now = Instant.now().toString();
        client.v1().events().inNamespace(pod.getMetadata().getNamespace()).resource(new EventBuilder()
                .withNewMetadata().withName(name).withNamespace(pod.getMetadata().getNamespace()).endMetadata()
                .withType("Warning").withReason(reason).withMessage(message)
                .withInvolvedObject(new ObjectReferenceBuilder().withKind("Pod").withName(pod.getMetadata().getName())
                        .withNamespace(pod.getMetadata().getNamespace()).withUid(pod.getMetadata().getUid()).build())
                .withFirstTimestamp(now).withLastTimestamp(now)
                .build()).create();
    }

    /** Every change of a StatefulSet or of a pod of one is a step for its StatefulSet, taken one at a time. */
    private final class Step<T extends HasMetadata> implements ResourceEventHandler<T> {

        private final Function<ObjectMeta, String> setName;

        Step(Function<ObjectMeta, String> setName) {
            this.setName = setName;
        }

        @Override
        public void onAdd(T object) {
            take(object);
        }

        @Override
        public void onUpdate(T before, T after) {
            take(after);
        }

        @Override
        public void onDelete(T object, boolean finalStateUnknown) {
            take(object);
        }

        private void take(T object) {
            String namespace = object.getMetadata().getNamespace();
            String name = setName.apply(object.getMetadata());
            loop.execute(() -> step(namespace, name));
        }
    }
}
