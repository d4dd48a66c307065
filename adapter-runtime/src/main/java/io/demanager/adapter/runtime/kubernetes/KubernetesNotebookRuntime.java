package io.demanager.adapter.runtime.kubernetes;

import io.demanager.adapter.runtime.jupyter.JupyterApi;
import io.demanager.adapter.runtime.jupyter.ProgressReports;
import io.demanager.application.port.in.InstanceRef;
import io.demanager.application.port.in.RecordRuntimeProgressUseCase;
import io.demanager.application.port.out.DesiredState;
import io.demanager.application.port.out.NotebookRuntime;
import io.demanager.domain.idle.NotebookActivity;
import io.demanager.domain.instance.FailedReason;
import io.demanager.domain.instance.Instance;
import io.demanager.domain.instance.InstanceId;
import io.demanager.domain.instance.InstanceStatus;
import io.demanager.domain.instance.NotebookAccess;
import io.demanager.domain.instance.RuntimeEvent;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.vavr.collection.List;
import io.vavr.control.Option;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Runs each instance as a pod of a StatefulSet of its own, in the configured namespace (see {@link NotebookObjects}).
 * Start and stop scale the StatefulSet to 1 and 0, a restart deletes the pod for a new one with a new token, a
 * deletion removes every object of the instance.
 * <p>
 * What becomes of a request is observed, never assumed: informers on the namespace's notebook pods and events wake
 * the runtime, which then judges the instance's pod ({@link PodVerdicts}): {@code Created}/{@code Started} only once it
 * is Ready, a failure as soon as it cannot become ready by itself, or when the start timeout passes; a ready pod that
 * dies is reported {@code Faulted}. Every resync period it lists the pods from the API server again and judges every
 * instance it waits for, so that a watch event that never arrived leaves no instance waiting, and it puts right what
 * does not match: objects of an instance that no longer exists are removed, a launch whose StatefulSet disappeared is
 * made again.
 */
public final class KubernetesNotebookRuntime implements NotebookRuntime, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KubernetesNotebookRuntime.class);
    private static final String MERGE_REPLICAS = "{\"spec\":{\"replicas\":%d}}";

    /** What this runtime waits for, or watches, about one instance. */
    private sealed interface Watched {
        InstanceRef ref();
    }

    /** A launch (create, start or restart), waiting for a pod other than the ones it replaced to become ready. */
    private record Launching(InstanceRef ref, InstanceStatus from, NotebookAccess access, Instant deadline,
                             io.vavr.collection.Set<String> replacedPods) implements Watched {
    }

    /** A notebook that was ready in pod {@code podUid} after {@code restarts} container restarts. */
    private record Running(InstanceRef ref, NotebookAccess access, String podUid, int restarts) implements Watched {
    }

    /** A stop, waiting for the pod to be gone. */
    private record Stopping(InstanceRef ref) implements Watched {
    }

    private final NamespacedKubernetesClient cluster;
    private final KubernetesRuntimeSettings settings;
    private final NotebookObjects objects;
    private final Function<InstanceId, String> serviceAddress;
    private final JupyterApi api = new JupyterApi();
    private final SecureRandom random = new SecureRandom();
    private final Map<InstanceId, Watched> watched = new ConcurrentHashMap<>();
    private final Map<InstanceId, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final ExecutorService work = Executors.newFixedThreadPool(4, daemon("kubernetes-runtime"));
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(daemon("kubernetes-runtime-resync"));
    private final SharedIndexInformer<Pod> pods;
    private final SharedIndexInformer<Event> events;
    private final ProgressReports progress = new ProgressReports("Kubernetes");
    private volatile Predicate<InstanceRef> instanceExists = ignored -> true;
    private final Runnable closeClient;

    /**
     * A runtime on the cluster found as kubectl finds it (in the cluster, or through KUBECONFIG), with a client of its
     * own that it closes with itself.
     */
    public static KubernetesNotebookRuntime connect(KubernetesRuntimeSettings settings) {
        KubernetesClient client = new KubernetesClientBuilder().build();
        return new KubernetesNotebookRuntime(client, settings, new NotebookObjects(settings)::serviceAddress, client::close);
    }

    /** A runtime that reaches the notebooks' Services by their addresses in the cluster, as a server running there does. */
    public KubernetesNotebookRuntime(KubernetesClient client, KubernetesRuntimeSettings settings) {
        this(client, settings, new NotebookObjects(settings)::serviceAddress, () -> { });
    }

    /**
     * @param serviceAddress where the Service of an instance's notebook answers, from where this server runs
     * @param closeClient    what closing this runtime does to its client: nothing for a client its caller owns
     */
    KubernetesNotebookRuntime(KubernetesClient client, KubernetesRuntimeSettings settings, Function<InstanceId, String> serviceAddress,
                              Runnable closeClient) {
        this.closeClient = closeClient;
        this.cluster = client.adapt(NamespacedKubernetesClient.class).inNamespace(settings.namespace());
        this.settings = settings;
        this.objects = new NotebookObjects(settings);
        this.serviceAddress = serviceAddress;
        this.pods = cluster.pods().withLabel(NotebookObjects.MANAGED_BY, NotebookObjects.MANAGER)
                .inform(new Wake<>(), 0);
        this.events = cluster.v1().events().inform(new Wake<>(), 0);
        long period = settings.resyncPeriod().toMillis();
        clock.scheduleWithFixedDelay(this::resync, period, period, TimeUnit.MILLISECONDS);
    }

    /** Where observations are reported; called once, before the first request. */
    public void reportTo(RecordRuntimeProgressUseCase recorder) {
        progress.reportTo(recorder);
    }

    /**
     * How a resync tells an instance that is still kept (in any status but deleted) from one whose objects are left
     * over; until it is given, no object is taken for left over.
     */
    public void removeObjectsUnless(Predicate<InstanceRef> exists) {
        instanceExists = Objects.requireNonNull(exists, "exists");
    }

    @Override
    public void ensure(Instance instance, DesiredState desired) {
        work.execute(() -> exclusively(instance.id(), () -> {
            switch (desired) {
                case RUNNING -> keepOrLaunch(instance);
                case RESTARTED -> launch(instance);
                case STOPPED -> stop(instance);
                case GONE -> remove(instance.id(), "its instance was deleted");
            }
        }));
    }

    /** Every instance with a StatefulSet or a claim in the namespace, whichever server made them. */
    @Override
    public io.vavr.collection.Set<InstanceId> held() {
        var labelled = java.util.stream.Stream.concat(
                managed(cluster.apps().statefulSets().withLabel(NotebookObjects.MANAGED_BY, NotebookObjects.MANAGER).list().getItems()),
                managed(cluster.persistentVolumeClaims().withLabel(NotebookObjects.MANAGED_BY, NotebookObjects.MANAGER).list().getItems()));
        return io.vavr.collection.HashSet.ofAll(labelled.toList());
    }

    @Override
    public void discard(InstanceId instanceId) {
        work.execute(() -> exclusively(instanceId, () -> remove(instanceId, "the store no longer has its instance")));
    }

    @Override
    public Option<NotebookActivity> activity(Instance instance) {
        return Option.of(watched.get(instance.id()))
                .filter(Running.class::isInstance).map(Running.class::cast)
                .flatMap(running -> api.activity(serviceAddress.apply(instance.id()) + NotebookObjects.prefix(instance) + "/",
                        running.access().token()));
    }

    /** Whether it takes work: until {@link #close()}. */
    public boolean takesWork() {
        return !work.isShutdown();
    }

    /** Stops watching and working; the notebooks keep running, for the next server to find again. */
    @Override
    public void close() {
        clock.shutdownNow();
        work.shutdownNow();
        pods.close();
        events.close();
        closeClient.run();
    }

    /** As if the watches died without a word: from now on only the periodic resync learns what happens. */
    void loseWatches() {
        pods.stop();
        events.stop();
    }

    private void keepOrLaunch(Instance instance) {
        Watched known = watched.get(instance.id());
        if (instance.status() == InstanceStatus.RUNNING) {
            if (!(known instanceof Running)) {
                adoptOrReportGone(instance);
            }
        } else if (known instanceof Running running) {
            progress.report(running.ref(), RuntimeEvent.launched(instance.status(), running.access()));
        } else if (!(known instanceof Launching)) {
            launch(instance);
        }
    }

    /**
     * A RUNNING instance this runtime does not watch yet: a server before it launched its notebook. It is watched
     * again when its pod is ready and its Secret holds the token the instance has; otherwise it is reported gone.
     */
    private void adoptOrReportGone(Instance instance) {
        InstanceRef ref = refOf(instance);
        Option<Pod> pod = Option.of(cluster.pods().withName(NotebookObjects.podName(instance.id())).get());
        Option<String> token = Option.of(cluster.secrets().withName(NotebookObjects.name(instance.id())).get()).flatMap(KubernetesNotebookRuntime::tokenOf);
        if (pod.exists(PodVerdicts::isReady) && instance.access().exists(access -> token.contains(access.token()))) {
            watched.put(instance.id(), new Running(ref, instance.access().get(), pod.get().getMetadata().getUid(), PodVerdicts.restarts(pod.get())));
            LOG.info("Notebook of {} found again in pod {}", ref.instanceId().value(), pod.get().getMetadata().getName());
            return;
        }
        LOG.warn("Notebook of {} was gone when this server started", ref.instanceId().value());
        fail(ref, new RuntimeEvent.Faulted(PodVerdicts.gone(NotebookObjects.podName(instance.id()))));
    }

    /** Writes the instance's objects with a new token, replaces any pod it has, and waits for a ready one. */
    private void launch(Instance instance) {
        InstanceRef ref = refOf(instance);
        String token = HexFormat.of().formatHex(randomBytes());
        try {
            StatefulSet current = cluster.apps().statefulSets().withName(NotebookObjects.name(instance.id())).get();
            int replicas = current == null ? 0 : Option.of(current.getSpec().getReplicas()).getOrElse(0);
            StatefulSet set = cluster.apps().statefulSets().resource(objects.statefulSet(instance, replicas)).createOr(existing -> existing.update());
            cluster.secrets().resource(objects.tokenSecret(instance, set, token)).createOr(existing -> existing.update());
            cluster.services().resource(objects.service(instance, set)).createOr(existing -> existing.update());
            objects.claim(instance).forEach(claim -> {
                if (cluster.persistentVolumeClaims().withName(claim.getMetadata().getName()).get() == null) {
                    cluster.persistentVolumeClaims().resource(claim).create();
                }
            });
            Option<Pod> replaced = Option.of(cluster.pods().withName(NotebookObjects.podName(instance.id())).get());
            watched.put(instance.id(), new Launching(ref, instance.status(), new NotebookAccess(objects.url(instance), token),
                    Instant.now().plus(settings.startTimeout()), replaced.map(pod -> pod.getMetadata().getUid()).toSet()));
            replaced.forEach(pod -> cluster.pods().resource(pod).delete());
            scale(instance.id(), 1);
        } catch (KubernetesClientException e) {
            watched.remove(instance.id());
            LOG.warn("The objects of {} could not be written", ref.instanceId().value(), e);
            progress.report(ref, RuntimeEvent.launchFailed(instance.status(), new FailedReason(PodVerdicts.CODE_PREFIX + "ApiError",
                    "The notebook could not be created in Kubernetes: " + e.getMessage(),
                    io.vavr.collection.LinkedHashMap.of("status", String.valueOf(e.getCode())))));
            return;
        }
        clock.schedule(() -> observe(instance.id()), settings.startTimeout().toMillis(), TimeUnit.MILLISECONDS);
        judge(instance.id(), cachedPod(instance.id()));
    }

    private void stop(Instance instance) {
        watched.put(instance.id(), new Stopping(refOf(instance)));
        if (cluster.apps().statefulSets().withName(NotebookObjects.name(instance.id())).get() != null) {
            scale(instance.id(), 0);
        }
        judge(instance.id(), Option.of(cluster.pods().withName(NotebookObjects.podName(instance.id())).get()));
    }

    /** Deletes every object of the instance: the StatefulSet, what it owns (its pod, Service, Secret), then the claim. */
    private void remove(InstanceId id, String why) {
        watched.remove(id);
        String name = NotebookObjects.name(id);
        cluster.apps().statefulSets().withName(name).delete();
        cluster.services().withName(name).delete();
        cluster.secrets().withName(name).delete();
        cluster.persistentVolumeClaims().withName(NotebookObjects.claimName(id)).delete();
        LOG.info("Objects of {} removed: {}", id.value(), why);
    }

    /** Judges the instance's pod as the informers last saw it. */
    private void observe(InstanceId id) {
        if (watched.containsKey(id)) {
            work.execute(() -> exclusively(id, () -> judge(id, cachedPod(id))));
        }
    }

    /** What the instance's pod, {@code pod} as last read, means for what this runtime waits for about it. */
    private void judge(InstanceId id, Option<Pod> pod) {
        Watched about = watched.get(id);
        if (about instanceof Launching launching) {
            Option<Pod> fresh = pod.filter(found -> !launching.replacedPods().contains(found.getMetadata().getUid()));
            if (fresh.exists(PodVerdicts::isReady)) {
                watched.put(id, new Running(launching.ref(), launching.access(), fresh.get().getMetadata().getUid(), PodVerdicts.restarts(fresh.get())));
                progress.report(launching.ref(), RuntimeEvent.launched(launching.from(), launching.access()));
            } else if (fresh.flatMap(PodVerdicts::launchFailure).isDefined()) {
                fail(launching.ref(), RuntimeEvent.launchFailed(launching.from(), fresh.flatMap(PodVerdicts::launchFailure).get()));
            } else if (Instant.now().isAfter(launching.deadline())) {
                fail(launching.ref(), RuntimeEvent.launchFailed(launching.from(),
                        PodVerdicts.timedOut(fresh, warningsAbout(id), settings.startTimeout().toSeconds(), NotebookObjects.podName(id))));
            }
        } else if (about instanceof Running running) {
            Option<FailedReason> fault = pod.isEmpty() ? Option.some(PodVerdicts.gone(NotebookObjects.podName(id)))
                    : PodVerdicts.fault(pod.get(), running.podUid(), running.restarts());
            fault.forEach(reason -> fail(running.ref(), new RuntimeEvent.Faulted(reason)));
        } else if (about instanceof Stopping stopping && pod.isEmpty()) {
            watched.remove(id);
            progress.report(stopping.ref(), new RuntimeEvent.Stopped());
        }
    }

    /** Reports a failure, then scales the StatefulSet to 0: nothing runs for an instance that failed. */
    private void fail(InstanceRef ref, RuntimeEvent failure) {
        watched.remove(ref.instanceId());
        LOG.warn("Notebook of {}: {} {}", ref.instanceId().value(), failure.wireName(), ((RuntimeEvent.Failure) failure).reason().code());
        progress.report(ref, failure);
        try {
            if (cluster.apps().statefulSets().withName(NotebookObjects.name(ref.instanceId())).get() != null) {
                scale(ref.instanceId(), 0);
            }
        } catch (KubernetesClientException e) {
            LOG.warn("The StatefulSet of {} could not be scaled to 0", ref.instanceId().value(), e);
        }
    }

    /**
     * Every resync period: reads the notebook pods and StatefulSets from the API server (not from the informers,
     * which a lost watch event leaves behind), judges every instance this runtime waits for, makes a launch whose
     * StatefulSet is gone again, and removes the objects of instances that no longer exist.
     */
    private void resync() {
        try {
            Map<InstanceId, Pod> listed = byInstance(cluster.pods().withLabel(NotebookObjects.MANAGED_BY, NotebookObjects.MANAGER).list().getItems());
            Map<InstanceId, StatefulSet> sets = byInstance(cluster.apps().statefulSets()
                    .withLabel(NotebookObjects.MANAGED_BY, NotebookObjects.MANAGER).list().getItems());
            watched.keySet().forEach(id -> work.execute(() -> exclusively(id, () -> {
                if (watched.get(id) instanceof Launching launching && !sets.containsKey(id)) {
                    LOG.warn("The StatefulSet of {} disappeared while it launched", id.value());
                    fail(launching.ref(), RuntimeEvent.launchFailed(launching.from(), PodVerdicts.gone(NotebookObjects.podName(id))));
                    return;
                }
                judge(id, Option.of(listed.get(id)));
            })));
            Predicate<InstanceRef> exists = instanceExists;
            sets.values().forEach(set -> NotebookObjects.instanceOf(set)
                    .filter(ref -> !watched.containsKey(ref.instanceId()) && !exists.test(ref))
                    .forEach(ref -> work.execute(() -> exclusively(ref.instanceId(), () -> remove(ref.instanceId(), "its instance no longer exists")))));
        } catch (KubernetesClientException e) {
            if (clock.isShutdown()) {
                return; // closed while it read
            }
            LOG.warn("The notebooks could not be read from Kubernetes; they are read again in {}", settings.resyncPeriod(), e);
        } catch (RuntimeException e) {
            LOG.error("The resync of the notebooks failed", e);
        }
    }

    private static <T extends HasMetadata> Map<InstanceId, T> byInstance(java.util.List<T> items) {
        Map<InstanceId, T> indexed = new java.util.HashMap<>();
        items.forEach(item -> NotebookObjects.instanceOf(item).forEach(ref -> indexed.put(ref.instanceId(), item)));
        return indexed;
    }

    private static java.util.stream.Stream<InstanceId> managed(java.util.List<? extends HasMetadata> items) {
        return items.stream().flatMap(item -> NotebookObjects.instanceOf(item).map(InstanceRef::instanceId).toJavaStream());
    }

    private Option<Pod> cachedPod(InstanceId id) {
        return Option.of(pods.getIndexer().getByKey(settings.namespace() + "/" + NotebookObjects.podName(id)));
    }

    /** The warnings Kubernetes recorded about the instance's objects (its pod, StatefulSet, claim), as last seen. */
    private List<Event> warningsAbout(InstanceId id) {
        String name = NotebookObjects.name(id);
        return List.ofAll(events.getStore().list())
                .filter(event -> "Warning".equals(event.getType()) && event.getInvolvedObject() != null)
                .filter(event -> Option.of(event.getInvolvedObject().getName()).exists(involved -> involved.startsWith(name)));
    }

    private void scale(InstanceId id, int replicas) {
        cluster.apps().statefulSets().withName(NotebookObjects.name(id))
                .patch(PatchContext.of(PatchType.JSON_MERGE), MERGE_REPLICAS.formatted(replicas));
    }

    private static Option<String> tokenOf(Secret secret) {
        return Option.of(secret.getData()).flatMap(data -> Option.of(data.get(NotebookObjects.TOKEN_KEY)))
                .map(encoded -> new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8));
    }

    private void exclusively(InstanceId id, Runnable action) {
        ReentrantLock lock = locks.computeIfAbsent(id, ignored -> new ReentrantLock());
        lock.lock();
        try {
            action.run();
        } catch (KubernetesClientException e) {
            LOG.warn("Kubernetes refused work on {}; it is tried again at the next resync", id.value(), e);
        } catch (RuntimeException e) {
            LOG.error("The runtime failed working on {}", id.value(), e);
        } finally {
            lock.unlock();
        }
    }

    private static InstanceRef refOf(Instance instance) {
        return new InstanceRef(instance.projectId(), instance.id());
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return bytes;
    }

    private static ThreadFactory daemon(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Wakes the runtime about the instance an object belongs to, whenever the informer sees it change. */
    private final class Wake<T extends HasMetadata> implements ResourceEventHandler<T> {

        @Override
        public void onAdd(T object) {
            wake(object);
        }

        @Override
        public void onUpdate(T before, T after) {
            wake(after);
        }

        @Override
        public void onDelete(T object, boolean finalStateUnknown) {
            wake(object);
        }

        private void wake(T object) {
            instanceOfObject(object).forEach(KubernetesNotebookRuntime.this::observe);
        }
    }

    /** The instance of a notebook pod (by its labels), or of the object an event is about (by its name). */
    private static Option<InstanceId> instanceOfObject(HasMetadata object) {
        if (object instanceof Event event) {
            return Option.of(event.getInvolvedObject()).flatMap(involved -> Option.of(involved.getName())).flatMap(NotebookObjects::instanceNamed);
        }
        return NotebookObjects.instanceOf(object).map(InstanceRef::instanceId);
    }
}
