package io.demanager.adapter.runtime.kubernetes;

import io.demanager.adapter.runtime.NotebookRuntimeContract;
import io.demanager.application.port.out.NotebookRuntime;
import io.demanager.domain.instance.Instance;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.vavr.control.Option;

import java.time.Duration;
import java.util.stream.Stream;

/**
 * The Kubernetes runtime keeps the contract's promises about reports and about what it leaves in the cluster, against
 * the mock API server and the test kubelet. Their pods run no container, so the parts that open a notebook are
 * skipped; {@link KubernetesNotebookRuntimeTest} covers what Kubernetes does to notebooks.
 */
class KubernetesRuntimeContractTest extends NotebookRuntimeContract {

    static final String NAMESPACE = "notebooks";

    private final MockCluster cluster = new MockCluster();
    private final KubernetesClient client = cluster.client();
    private KubernetesNotebookRuntime runtime = reporting(Option.none());
    private final KubernetesNotebookRuntime failing = reporting(Option.some("pull-fails.invalid"));

    @Override
    protected NotebookRuntime runtime() {
        return runtime;
    }

    @Override
    protected NotebookRuntime failingRuntime() {
        return failing;
    }

    @Override
    protected Option<String> runsNoRealNotebook() {
        return Option.some("the mock API server has no nodes: its pods run no container to open, kill or read");
    }

    @Override
    protected void killFromOutside(Instance instance) {
        cluster.kubelet().deletePod(NAMESPACE, NotebookObjects.podName(instance.id()));
    }

    @Override
    protected boolean leavesTraces(Instance instance) {
        String label = instance.id().value();
        return Stream.of(client.apps().statefulSets(), client.pods(), client.services(), client.secrets(), client.persistentVolumeClaims())
                .anyMatch(objects -> !objects.inNamespace(NAMESPACE).withLabel(NotebookObjects.INSTANCE, label).list().getItems().isEmpty());
    }

    @Override
    protected NotebookRuntime rebuild() {
        runtime.close();
        runtime = reporting(Option.none());
        return runtime;
    }

    @Override
    protected void closeRuntimes() {
        cluster.close();
        runtime.close();
        failing.close();
    }

    private KubernetesNotebookRuntime reporting(Option<String> registry) {
        var settings = new KubernetesRuntimeSettings(NAMESPACE, registry, Option.none(), REPORT_WITHIN, Duration.ofSeconds(1),
                Option.none());
        var kubernetes = new KubernetesNotebookRuntime(client, settings);
        kubernetes.reportTo(reports);
        return kubernetes;
    }
}
