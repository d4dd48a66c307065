package io.demanager.adapter.runtime.process;

import io.demanager.adapter.runtime.NotebookRuntimeContract;
import io.demanager.application.port.out.DesiredState;
import io.demanager.application.port.out.NotebookRuntime;
import io.demanager.domain.instance.Instance;
import io.demanager.domain.instance.InstanceStatus;
import io.demanager.domain.instance.NotebookAccess;
import io.demanager.domain.instance.RuntimeEvent;
import io.vavr.collection.List;
import io.vavr.control.Option;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Real Jupyter Server processes, one per instance, as the process runtime runs them. */
class ProcessNotebookRuntimeTest extends NotebookRuntimeContract {

    @TempDir
    Path temporary;
    private Path folder;
    private ProcessNotebookRuntime runtime;
    private ProcessNotebookRuntime failing;

    @BeforeEach
    void startRuntimes() throws IOException {
        JupyterInstalled.assume();
        folder = temporary.resolve("notebooks");
        runtime = new ProcessNotebookRuntime(settings(List.of(JupyterInstalled.COMMAND)));
        runtime.reportTo(reports);
        failing = new ProcessNotebookRuntime(settings(List.of("sh", "-c", "echo no kernel today >&2; exit 3")));
        failing.reportTo(reports);
    }

    @Override
    protected void closeRuntimes() {
        if (runtime != null) {
            runtime.close();
            failing.close();
        }
    }

    @Override
    protected NotebookRuntime runtime() {
        return runtime;
    }

    @Override
    protected NotebookRuntime rebuild() {
        runtime.close();
        runtime = new ProcessNotebookRuntime(settings(List.of(JupyterInstalled.COMMAND)));
        runtime.reportTo(reports);
        return runtime;
    }

    @Override
    protected NotebookRuntime failingRuntime() {
        return failing;
    }

    @Override
    protected Option<String> runsNoRealNotebook() {
        return Option.none();
    }

    @Override
    protected void killFromOutside(Instance instance) {
        ProcessHandle.of(pid(instance)).orElseThrow().destroyForcibly();
    }

    @Override
    protected boolean leavesTraces(Instance instance) {
        Path own = folder.resolve(instance.id().value());
        return Files.exists(own) || ProcessHandle.allProcesses().anyMatch(process -> process.info().arguments()
                .map(arguments -> String.join(" ", arguments).contains(own.toString())).orElse(false));
    }

    @Test
    void aNotebookRunsAsTheUnprivilegedUserWithItsTokenNeitherOnItsCommandLineNorInItsLog() throws IOException {
        Instance creating = newInstance(InstanceStatus.CREATING);
        runtime.ensure(creating, DesiredState.RUNNING);
        NotebookAccess access = launched(creating, RuntimeEvent.Created.class);
        long pid = pid(creating);

        String status = Files.readString(Path.of("/proc", Long.toString(pid), "status"), StandardCharsets.UTF_8);
        String commandLine = Files.readString(Path.of("/proc", Long.toString(pid), "cmdline"), StandardCharsets.UTF_8);
        String log = Files.readString(folder.resolve(creating.id().value()).resolve("notebook.log"), StandardCharsets.UTF_8);

        if (NotebookUser.isRoot()) {
            assertThat(status).doesNotContainPattern("(?m)^Uid:\\s+0\\s");
            assertThat(Files.getOwner(folder.resolve(creating.id().value()).resolve("home")).getName())
                    .isEqualTo(JupyterInstalled.NOTEBOOK_USER);
        }
        assertThat(commandLine).doesNotContain(access.token());
        assertThat(log).doesNotContain(access.token());
        assertThat(access.url()).startsWith("http://127.0.0.1:");
    }

    @Test
    void aLaunchThatExitsReportsItsExitCodeAndTheEndOfItsLog() {
        Instance starting = newInstance(InstanceStatus.STARTING);

        failing.ensure(starting, DesiredState.RUNNING);

        var failure = (RuntimeEvent.StartFailed) reports.next(starting.id(), Duration.ofSeconds(60));
        assertThat(failure.reason().code()).isEqualTo(ProcessNotebookRuntime.NOTEBOOK_EXITED);
        assertThat(failure.reason().detail().get("exit_code")).contains("3");
        assertThat(failure.reason().detail().get("log").get()).contains("no kernel today");
    }

    @Test
    void aNotebookWhoseFolderIsLostIsStillFoundByItsProcessAndDiscarded() throws IOException {
        Instance creating = newInstance(InstanceStatus.CREATING);
        runtime.ensure(creating, DesiredState.RUNNING);
        launched(creating, RuntimeEvent.Created.class);
        long pid = pid(creating);
        Path own = folder.resolve(creating.id().value());
        try (var files = Files.walk(own)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        }
        assertThat(own).doesNotExist();

        NotebookRuntime rebuilt = rebuild();
        assertThat(rebuilt.held()).containsExactly(creating.id());
        rebuilt.discard(creating.id());

        ProcessHandle.of(pid).ifPresent(process -> process.onExit().completeOnTimeout(process, 60, TimeUnit.SECONDS).join());
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).as("the notebook process").isNotEqualTo(java.util.Optional.of(true));
    }

    private long pid(Instance instance) {
        try {
            return Long.parseLong(Files.readString(folder.resolve(instance.id().value()).resolve("notebook.pid")).strip());
        } catch (IOException e) {
            throw new AssertionError("no process recorded for " + instance.id().value(), e);
        }
    }

    private ProcessRuntimeSettings settings(List<String> command) {
        return new ProcessRuntimeSettings(command, folder, "127.0.0.1", ProcessRuntimeSettings.ANY_PORT, ProcessRuntimeSettings.ANY_PORT,
                Duration.ofSeconds(60),
                Duration.ofSeconds(3), Option.some(JupyterInstalled.NOTEBOOK_USER));
    }
}
