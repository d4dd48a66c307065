package io.demanager.adapter.runtime.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.RecordedRequest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A cluster without nodes for one test (one each: a runtime that closes its watches stalls the server for a while,
 * which must not slow the other tests down): fabric8's mock API server, keeping objects as a real one does (CRUD mode,
 * watches included), with a {@link TestKubelet} that runs the pods StatefulSets ask for. It records every request
 * the runtime made to it, told apart from the kubelet's and the test's own reads by the user agent.
 * <p>
 * Every client shares one {@link KubernetesSerialization}: a new one looks up every model class of the client
 * (hundreds of milliseconds of CPU each time), and a client of its own each would make that cost most of a test's.
 */
final class MockCluster implements AutoCloseable {

    static final String KUBELET_AGENT = "test-kubelet";
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    /** Kept so that its level stays: the mock server logs every request it answers, which only slows tests down. */
    private static final Logger MOCK_SERVER_LOG = Logger.getLogger("io.fabric8.mockwebserver");

    static {
        MOCK_SERVER_LOG.setLevel(Level.WARNING);
    }

    private final KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
            new KubernetesCrudDispatcher(), false);
    private final List<KubernetesClient> clients = new ArrayList<>();
    private final TestKubelet kubelet;
    private final List<RecordedRequest> runtimeRequests = new ArrayList<>();

    MockCluster() {
        server.init();
        kubelet = new TestKubelet(observer());
    }

    /** A client as the runtime gets one; closed with the cluster. */
    KubernetesClient client() {
        return track(server.createClient(builder -> builder.withKubernetesSerialization(SERIALIZATION)));
    }

    /** A client whose requests are not the runtime's (the kubelet's, a test's own checks); closed with the cluster. */
    KubernetesClient observer() {
        return track(server.createClient(builder -> builder.withKubernetesSerialization(SERIALIZATION)
                .editOrNewConfig().withUserAgent(KUBELET_AGENT).endConfig()));
    }

    TestKubelet kubelet() {
        return kubelet;
    }

    /** Every request the runtime made so far (method and path with its query), the kubelet's left out. */
    synchronized List<RecordedRequest> runtimeRequests() {
        try {
            RecordedRequest request;
            while ((request = server.takeRequest(0, TimeUnit.MILLISECONDS)) != null) {
                if (!KUBELET_AGENT.equals(request.getHeader("User-Agent"))) {
                    runtimeRequests.add(request);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return List.copyOf(runtimeRequests);
    }

    /**
     * Stops the server first, then the kubelet and the clients: a watch that a client closes makes the mock server
     * wait on its event loop (for seconds on a busy machine), and a server that is stopped first has none to close.
     */
    @Override
    public void close() {
        server.destroy();
        kubelet.close();
        clients.forEach(KubernetesClient::close);
    }

    private KubernetesClient track(KubernetesClient client) {
        synchronized (clients) {
            clients.add(client);
        }
        return client;
    }
}
