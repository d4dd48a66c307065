package io.demanager.bootstrap;

import io.demanager.adapter.persistence.postgres.TestDatabase;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * demanager-server-kubernetes.jar as a cluster runs it: on an external PostgreSQL, with the Kubernetes runtime
 * talking to the API server it is given (fabric8's mock server, keeping objects as a real one does). No node runs the
 * pods, so a notebook never becomes ready here; what is checked is that the jar carries everything the runtime needs
 * to make a notebook's objects.
 */
class KubernetesServerIT {

    private static final String NAMESPACE = "notebooks";
    private static final String INSTANCES = "/v1/demo-project/demanager/instances";

    @TempDir
    Path work;

    @Test
    void theKubernetesJarMakesANotebooksStatefulSetOnTheClusterItIsGiven() {
        var cluster = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), new KubernetesCrudDispatcher(), false);
        cluster.init();
        try (TestDatabase database = TestDatabase.migrated(); KubernetesClient observer = cluster.createClient()) {
            Map<String, String> environment = environment(database, "http://" + cluster.getHostName() + ":" + cluster.getPort());
            Client client = new Client(Integer.parseInt(environment.get("DEMANAGER_PORT")), "dev-token");
            try (ServerProcess server = ServerProcess.start(ServerProcess.KUBERNETES_JAR, work, environment)) {
                // The Kubernetes client's start reads every model class it knows: slow on a busy machine.
                server.awaitReady(client, Duration.ofMinutes(3));

                String id = client.post(INSTANCES, """
                        {"name": "on-a-cluster", "profile_id": "Python3", "flavor": "modelarts.vm.cpu.2u",
                         "spec": {"storage": {"type": "evs"}}}""").json().path("id").asText();

                Eventually.waitUntil("the notebook's StatefulSet is made", Duration.ofMinutes(2),
                        () -> statefulSetsOf(observer, id).size() == 1);
                assertThat(statefulSetsOf(observer, id).get(0).getSpec().getReplicas()).as("replicas of a notebook to run").isEqualTo(1);
                assertThat(client.get(INSTANCES + "/" + id).json().path("status").asText()).isIn("CREATING", "STARTING");
                // The API server goes first: a server that closes its watches on a live mock server waits on it for seconds.
                cluster.destroy();
            }
        } finally {
            cluster.destroy();
        }
    }

    private static List<StatefulSet> statefulSetsOf(KubernetesClient cluster, String instanceId) {
        return cluster.apps().statefulSets().inNamespace(NAMESPACE).withLabel("demanager.io/instance", instanceId).list().getItems();
    }

    private Map<String, String> environment(TestDatabase database, String apiServer) {
        return TestServers.environment(database.settings(), Map.of(
                "DEMANAGER_DATA_DIR", work.toString(),
                "DEMANAGER_RUNTIME", "kubernetes",
                "DEMANAGER_KUBERNETES_NAMESPACE", NAMESPACE,
                // The client finds its cluster as kubectl does; these name it and keep it from reading this machine's own.
                "KUBERNETES_MASTER", apiServer,
                "KUBERNETES_AUTH_TRYKUBECONFIG", "false",
                "KUBERNETES_AUTH_TRYSERVICEACCOUNT", "false"));
    }
}
