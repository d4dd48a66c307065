package io.demanager.adapter.runtime.kubernetes;

import io.demanager.application.port.in.InstanceRef;
import io.demanager.domain.catalog.StorageType;
import io.demanager.domain.instance.Instance;
import io.demanager.domain.instance.InstanceId;
import io.demanager.domain.instance.ProjectId;
import io.demanager.domain.instance.Storage;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.control.Option;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The Kubernetes objects of one instance, all named after it and labelled with it: a StatefulSet of 0 or 1 notebook
 * pod, a Service in front of it and a Secret with the notebook's token (both owned by the StatefulSet), and for
 * {@code evs} storage a claim that outlives stops (and the StatefulSet: it is removed only when the instance is).
 */
final class NotebookObjects {

    static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    static final String MANAGER = "demanager";
    static final String INSTANCE = "demanager.io/instance";
    static final String PROJECT = "demanager.io/project";
    static final String CONTAINER = "notebook";
    static final int PORT = 8888;
    static final String TOKEN_KEY = "token";

    /** What Kubernetes accepts as a label value. */
    private static final Pattern LABEL_VALUE = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]{0,61})?[A-Za-z0-9]");
    private static final String WORK_VOLUME = "work";

    private final KubernetesRuntimeSettings settings;

    NotebookObjects(KubernetesRuntimeSettings settings) {
        this.settings = settings;
    }

    static String name(InstanceId id) {
        return "nb-" + id.uuid().toString().toLowerCase(Locale.ROOT);
    }

    /** The instance an object is named after: its StatefulSet, pod, Service, Secret or claim. */
    static Option<InstanceId> instanceNamed(String objectName) {
        return objectName.startsWith("nb-") && objectName.length() >= 39
                ? InstanceId.parse("DE-" + objectName.substring(3, 39)) : Option.none();
    }

    static String podName(InstanceId id) {
        return name(id) + "-0";
    }

    static String claimName(InstanceId id) {
        return name(id) + "-evs";
    }

    /** The instance an object belongs to, read from its labels and annotations; none for an object of no instance. */
    static Option<InstanceRef> instanceOf(HasMetadata object) {
        ObjectMeta meta = object.getMetadata();
        Option<InstanceId> id = Option.of(meta.getLabels()).flatMap(labels -> Option.of(labels.get(INSTANCE))).flatMap(InstanceId::parse);
        Option<String> project = Option.of(meta.getAnnotations()).flatMap(annotations -> Option.of(annotations.get(PROJECT)));
        return id.flatMap(instance -> project.map(owner -> new InstanceRef(new ProjectId(owner), instance)));
    }

    /** The notebook's path below the base URL, as Kubeflow's {@code NB_PREFIX}: the image serves Jupyter there. */
    static String prefix(Instance instance) {
        return "/notebook/" + instance.projectId().value() + "/" + instance.id().value();
    }

    /** Where users open the notebook: below the configured base URL, or at its Service's address in the cluster. */
    String url(Instance instance) {
        return settings.baseUrl().getOrElse(() -> serviceAddress(instance.id())) + prefix(instance) + "/";
    }

    /** The notebook's Service, as the runtime reaches it from inside the cluster. */
    String serviceAddress(InstanceId id) {
        return "http://" + name(id) + "." + settings.namespace() + ".svc:" + PORT;
    }

    String image(Instance instance) {
        var image = instance.profile().image();
        String path = image.namespace().isBlank() ? image.name() : image.namespace() + "/" + image.name();
        return settings.registryPrefix().map(prefix -> prefix + "/").getOrElse("") + path + ":" + image.tag();
    }

    /** The StatefulSet, with {@code replicas} pods; its template carries the image, the flavor and the storage. */
    StatefulSet statefulSet(Instance instance, int replicas) {
        Map<String, Quantity> resources = FlavorResources.of(instance.flavor());
        Option<String> claim = instance.spec().storage().type() == StorageType.EVS ? Option.some(claimName(instance.id())) : Option.none();
        return new StatefulSetBuilder()
                .withMetadata(metadata(instance, name(instance.id())))
                .withNewSpec()
                .withReplicas(replicas)
                .withServiceName(name(instance.id()))
                .withNewSelector().addToMatchLabels(INSTANCE, instance.id().value()).endSelector()
                .withNewTemplate()
                .withNewMetadata().withLabels(labels(instance).toJavaMap()).withAnnotations(annotations(instance).toJavaMap()).endMetadata()
                .withNewSpec()
                .withAutomountServiceAccountToken(false)
                .withEnableServiceLinks(false)
                .withNewSecurityContext().withFsGroup(100L).endSecurityContext()
                .addNewContainer()
                .withName(CONTAINER)
                .withImage(image(instance))
                .addNewPort().withName("http").withContainerPort(PORT).endPort()
                .withEnv(environment(instance).toJavaList())
                .withNewResources().withRequests(resources.toJavaMap()).withLimits(resources.toJavaMap()).endResources()
                .withNewReadinessProbe()
                .withNewHttpGet().withPath(prefix(instance) + "/api").withPort(new IntOrString("http")).endHttpGet()
                .withPeriodSeconds(2).withFailureThreshold(3)
                .endReadinessProbe()
                .withVolumeMounts(claim.map(ignored -> new VolumeMountBuilder().withName(WORK_VOLUME).withMountPath(Storage.WORK_DIRECTORY).build())
                        .toJavaList())
                .endContainer()
                .withVolumes(claim.map(NotebookObjects::workVolume).toJavaList())
                .endSpec()
                .endTemplate()
                .endSpec()
                .build();
    }

    Service service(Instance instance, StatefulSet owner) {
        return new ServiceBuilder()
                .withMetadata(owned(metadata(instance, name(instance.id())), owner))
                .withNewSpec()
                .withType("ClusterIP")
                .addToSelector(INSTANCE, instance.id().value())
                .addNewPort().withName("http").withPort(PORT).withTargetPort(new IntOrString("http")).endPort()
                .endSpec()
                .build();
    }

    Secret tokenSecret(Instance instance, StatefulSet owner, String token) {
        return new SecretBuilder()
                .withMetadata(owned(metadata(instance, name(instance.id())), owner))
                .withType("Opaque")
                .addToData(TOKEN_KEY, Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8)))
                .build();
    }

    /** The claim of {@code evs} storage, owned by nobody: deleting the StatefulSet must not take the user's files. */
    Option<PersistentVolumeClaim> claim(Instance instance) {
        Storage storage = instance.spec().storage();
        if (storage.type() != StorageType.EVS) {
            return Option.none();
        }
        return Option.some(new PersistentVolumeClaimBuilder()
                .withMetadata(metadata(instance, claimName(instance.id())))
                .withNewSpec()
                .withAccessModes("ReadWriteOnce")
                .withStorageClassName(settings.storageClass().getOrNull())
                .withNewResources().addToRequests("storage", new Quantity(storage.volumeSizeGb().get() + "Gi")).endResources()
                .endSpec()
                .build());
    }

    private static Volume workVolume(String claim) {
        return new VolumeBuilder().withName(WORK_VOLUME).withNewPersistentVolumeClaim(claim, false).build();
    }

    /** {@code NB_PREFIX}, the token from the Secret (never in the object itself), and where OBS storage is. */
    private static List<EnvVar> environment(Instance instance) {
        List<EnvVar> base = List.of(
                new EnvVar("NB_PREFIX", prefix(instance), null),
                new EnvVarBuilder().withName("JUPYTER_TOKEN")
                        .withNewValueFrom().withNewSecretKeyRef(TOKEN_KEY, name(instance.id()), false).endValueFrom().build());
        List<Storage> obs = instance.spec().extendStorage().prepend(instance.spec().storage())
                .filter(storage -> storage.type() != StorageType.EVS && storage.path().isDefined());
        return obs.isEmpty() ? base
                : base.append(new EnvVar("DEMANAGER_OBS_PATHS", obs.map(storage -> storage.path().get()).mkString(","), null));
    }

    private static ObjectMeta metadata(Instance instance, String name) {
        return new ObjectMetaBuilder().withName(name)
                .withLabels(labels(instance).toJavaMap())
                .withAnnotations(annotations(instance).toJavaMap())
                .build();
    }

    private static Map<String, String> labels(Instance instance) {
        Map<String, String> labels = LinkedHashMap.of(MANAGED_BY, MANAGER, INSTANCE, instance.id().value());
        String project = instance.projectId().value();
        return LABEL_VALUE.matcher(project).matches() ? labels.put(PROJECT, project) : labels;
    }

    /** The project in full, whatever characters it has; the label has it only when Kubernetes accepts it as one. */
    private static Map<String, String> annotations(Instance instance) {
        return LinkedHashMap.of(PROJECT, instance.projectId().value());
    }

    private static ObjectMeta owned(ObjectMeta meta, StatefulSet owner) {
        OwnerReference reference = new OwnerReferenceBuilder()
                .withApiVersion("apps/v1").withKind("StatefulSet")
                .withName(owner.getMetadata().getName()).withUid(owner.getMetadata().getUid())
                .withController(true).withBlockOwnerDeletion(true)
                .build();
        meta.setOwnerReferences(java.util.List.of(reference));
        return meta;
    }
}
