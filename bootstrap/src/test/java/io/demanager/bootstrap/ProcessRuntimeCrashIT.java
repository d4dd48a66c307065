package io.demanager.bootstrap;

import io.demanager.adapter.persistence.postgres.TestDatabase;
import io.demanager.adapter.runtime.process.JupyterInstalled;
import io.demanager.domain.instance.Instance;
import io.demanager.domain.instance.InstanceId;
import io.demanager.domain.instance.ProjectId;
import io.demanager.domain.instance.RuntimeEvent;
import io.demanager.domain.instance.TransitionCause;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.demanager.bootstrap.Eventually.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged server on the process runtime, killed with SIGKILL while ten notebooks run, then started again: every
 * instance ends in a true state. The notebooks the store says are RUNNING run on, found again with the same process
 * and token; one killed while no server ran is reported UNAVAILABLE; the stop and the delete the killed server had
 * accepted but maybe not carried out are carried out; a running instance stopped and deleted by another server while
 * this one was down (which could not reach its notebook) leaves nothing; and no Jupyter process runs but those of
 * RUNNING instances.
 */
class ProcessRuntimeCrashIT {

    private static final String PROJECT = "demo-project";
    private static final String INSTANCES = "/v1/" + PROJECT + "/demanager/instances";
    private static final int NOTEBOOKS = 10;
    private static final Duration SETTLING = Duration.ofMinutes(4);

    /** The server's data folder, and where it writes its output. */
    @TempDir
    Path work;
    private TestDatabase database;

    @BeforeEach
    void needsJupyter() {
        JupyterInstalled.assume();
        database = TestDatabase.migrated();
    }

    /** Whatever the outcome, no notebook of this test outlives it: they are found by this test's own folder. */
    @AfterEach
    void stopWhatIsLeft() {
        notebookProcesses().forEach(process -> {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        });
        if (database != null) {
            database.close();
        }
    }

    @Test
    void afterASigkillTheRestartedServerKeepsExactlyTheRunningNotebooksAndLeavesNoOrphan() throws IOException {
        Map<String, String> environment = environment();
        Client client = new Client(Integer.parseInt(environment.get("DEMANAGER_PORT")), "dev-token");
        List<String> ids = new ArrayList<>();
        Map<String, String> tokens = new HashMap<>();
        Map<String, Long> pids = new HashMap<>();

        String deletedBeforeTheKill;
        try (ServerProcess server = ServerProcess.start(work, environment)) {
            server.awaitReady(client);
            for (int n = 0; n <= NOTEBOOKS; n++) {
                ids.add(client.post(INSTANCES, """
                        {"name": "crash-%d", "profile_id": "Python3", "flavor": "modelarts.vm.cpu.2u",
                         "spec": {"storage": {"type": "evs"}}}""".formatted(n)).json().path("id").asText());
            }
            deletedBeforeTheKill = ids.remove(NOTEBOOKS);
            waitUntil("all run", SETTLING, () -> Stream.concat(ids.stream(), Stream.of(deletedBeforeTheKill))
                    .allMatch(id -> status(client, id).equals("RUNNING")));
            action(client, deletedBeforeTheKill, "stop");
            waitUntil("one is stopped", SETTLING, () -> status(client, deletedBeforeTheKill).equals("STOPPED"));
            for (String id : ids) {
                tokens.put(id, client.get(INSTANCES + "/" + id + "/token").json().path("token").asText());
                pids.put(id, pid(id));
            }
            assertThat(notebookProcesses()).hasSize(NOTEBOOKS);

            action(client, ids.get(0), "stop");
            assertThat(client.send("DELETE", INSTANCES + "/" + deletedBeforeTheKill, null).status()).isIn(200, 204);
            server.kill();
        }
        String stopped = ids.get(0);
        String deletedWhileDown = ids.get(1);
        String killedWhileDown = ids.get(2);
        List<String> kept = ids.subList(3, NOTEBOOKS);

        ProcessHandle.of(pids.get(killedWhileDown)).ifPresent(ProcessHandle::destroyForcibly);
        deleteAsAnotherServerWould(deletedWhileDown);

        try (ServerProcess restarted = ServerProcess.start(work, environment)) {
            restarted.awaitReady(client);
            waitUntil("every instance settles", SETTLING, () -> status(client, stopped).equals("STOPPED")
                    && status(client, killedWhileDown).equals("UNAVAILABLE")
                    && notebookProcesses().size() == kept.size()
                    && !Files.exists(folderOf(deletedBeforeTheKill)) && !Files.exists(folderOf(deletedWhileDown)));

            for (String id : kept) {
                assertThat(status(client, id)).as(id).isEqualTo("RUNNING");
                String url = client.get(INSTANCES + "/" + id).json().path("spec").path("annotations").path("url").asText();
                assertThat(client.get(INSTANCES + "/" + id + "/token").json().path("token").asText()).isEqualTo(tokens.get(id));
                assertThat(JupyterProbe.status(url + "api/contents", tokens.get(id))).as("its notebook opens with its token").isEqualTo(200);
                assertThat(pid(id)).as("the same notebook, found again").isEqualTo(pids.get(id));
            }
            assertThat(notebookProcesses().stream().map(ProcessHandle::pid).collect(Collectors.toSet()))
                    .isEqualTo(kept.stream().map(pids::get).collect(Collectors.toSet()));
            for (String gone : List.of(deletedBeforeTheKill, deletedWhileDown)) {
                assertThat(client.get(INSTANCES + "/" + gone).json().path("error_code").asText()).isEqualTo("ModelArts.6309");
            }
            assertThat(Files.exists(folderOf(stopped))).as("a stopped instance keeps its files").isTrue();
            assertThat(client.get(INSTANCES + "/" + killedWhileDown).json().path("spec").path("failed_reasons").path("code").asText())
                    .isEqualTo("Runtime.NotebookGone");

            restarted.terminate();
            assertThat(restarted.awaitExit(Duration.ofSeconds(30))).isIn(0, 143);
        }
    }

    private Map<String, String> environment() {
        return TestServers.environment(database.settings(), Map.of(
                "DEMANAGER_DATA_DIR", work.toString(),
                "DEMANAGER_RUNTIME", "process",
                "DEMANAGER_NOTEBOOK_PORTS", "0",
                "DEMANAGER_NOTEBOOK_START_TIMEOUT_SECONDS", "180"));
    }

    /**
     * Stops and deletes a RUNNING instance through the store, as a server on another host would while this one was
     * down: its runtime could not reach the notebook, which runs on.
     */
    private void deleteAsAnotherServerWould(String id) {
        var key = new SecretKeySpec(Base64.getDecoder().decode(TestServers.CREDENTIAL_KEY), "AES");
        var store = database.newStore(key);
        Instance running = store.find(new ProjectId(PROJECT), InstanceId.parse(id).get()).get();
        Instance stopping = store.update(running.stop(Instant.now()).get(), TransitionCause.USER_REQUEST).get();
        Instance stopped = store.update(stopping.onRuntimeEvent(new RuntimeEvent.Stopped(), Instant.now()).get(),
                TransitionCause.RUNTIME_PROGRESS).get();
        store.update(stopped.delete(Instant.now()).get(), TransitionCause.USER_REQUEST).get();
    }

    private static void action(Client client, String id, String action) {
        assertThat(client.post(INSTANCES + "/" + id + "/action", "{\"action\": \"" + action + "\"}").status()).isEqualTo(200);
    }

    /** The Jupyter processes serving a folder of this test's data directory. */
    private Set<ProcessHandle> notebookProcesses() {
        String argument = "--ServerApp.root_dir=" + work.resolve("notebooks") + "/";
        return ProcessHandle.allProcesses().filter(ProcessHandle::isAlive).filter(process -> {
            try {
                String commandLine = Files.readString(Path.of("/proc", Long.toString(process.pid()), "cmdline"), StandardCharsets.UTF_8);
                return List.of(commandLine.split("\0")).stream().anyMatch(part -> part.startsWith(argument));
            } catch (IOException | UncheckedIOException gone) {
                return false;
            }
        }).collect(Collectors.toSet());
    }

    private Path folderOf(String id) {
        return work.resolve("notebooks").resolve(id);
    }

    private long pid(String id) {
        try {
            return Long.parseLong(Files.readString(folderOf(id).resolve("notebook.pid")).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String status(Client client, String id) {
        return client.get(INSTANCES + "/" + id).json().path("status").asText();
    }
}
