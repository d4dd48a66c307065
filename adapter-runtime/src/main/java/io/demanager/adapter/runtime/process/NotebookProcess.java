package io.demanager.adapter.runtime.process;

import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Set;
import io.vavr.control.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One notebook's server process: started by this runtime or found again by its process id. Stopping it stops its
 * whole tree: Jupyter starts each kernel in a session of its own, so a kernel outlives a server killed alone.
 */
final class NotebookProcess {

    private static final String ROOT_DIR = "--ServerApp.root_dir=";

    private final ProcessHandle handle;
    private final Option<Process> child;

    private NotebookProcess(ProcessHandle handle, Option<Process> child) {
        this.handle = handle;
        this.child = child;
    }

    static NotebookProcess started(Process process) {
        return new NotebookProcess(process.toHandle(), Option.some(process));
    }

    /**
     * The notebook process serving a folder of {@code instanceFolder}, if one runs: {@code pid} when that is still the
     * one recorded (not another process that got the same id since), otherwise whichever process serves it: the
     * server may have been killed between starting a notebook and recording its id.
     */
    static Option<NotebookProcess> find(Option<Long> pid, Path instanceFolder) {
        String served = ROOT_DIR + instanceFolder + "/";
        return pid.flatMap(id -> Option.ofOptional(ProcessHandle.of(id))).filter(handle -> serves(handle, served))
                .orElse(() -> Option.ofOptional(ProcessHandle.allProcesses().filter(handle -> serves(handle, served)).findFirst()))
                .map(handle -> new NotebookProcess(handle, Option.none()));
    }

    /** The names of the folders of {@code runtimeFolder} a running notebook process serves. */
    static Set<String> servedFoldersOf(Path runtimeFolder) {
        String prefix = ROOT_DIR + runtimeFolder + "/";
        return HashSet.ofAll(ProcessHandle.allProcesses()
                .flatMap(handle -> commandLine(handle.pid()).toJavaStream())
                .flatMap(arguments -> arguments.filter(argument -> argument.startsWith(prefix)).toJavaStream())
                .map(argument -> argument.substring(prefix.length()).split("/")[0]).toList());
    }

    /** The argument that names the folder a notebook serves, which lies in the folder of its instance. */
    static String rootDirArgument(Path storage) {
        return ROOT_DIR + storage;
    }

    long pid() {
        return handle.pid();
    }

    boolean isAlive() {
        return isRunning(handle);
    }

    /** How it ended, when this runtime started it and it has ended. */
    Option<Integer> exitCode() {
        return child.filter(process -> !process.isAlive()).map(Process::exitValue);
    }

    /** SIGTERM, up to {@code grace} to end, then SIGKILL for it and every process it started; waits until all are gone. */
    void stop(Duration grace) {
        List<ProcessHandle> tree = List.ofAll(handle.descendants().toList()).prepend(handle);
        handle.destroy();
        if (!waitUntilGone(List.of(handle), grace)) {
            tree = tree.appendAll(handle.descendants().toList());
        }
        tree.filter(NotebookProcess::isRunning).forEach(ProcessHandle::destroyForcibly);
        waitUntilGone(tree, Duration.ofSeconds(10));
    }

    private static boolean waitUntilGone(List<ProcessHandle> processes, Duration within) {
        Instant deadline = Instant.now().plus(within);
        for (ProcessHandle process : processes) {
            CompletableFuture<ProcessHandle> exit = process.onExit();
            try {
                exit.get(Math.max(0, Duration.between(Instant.now(), deadline).toMillis()), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (isRunning(process)) {
                    return false;
                }
            } catch (ExecutionException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** Alive and not a zombie: a process whose parent is gone may wait, dead, for a reaper that never comes. */
    private static boolean isRunning(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"), StandardCharsets.UTF_8);
            String afterName = stat.substring(stat.lastIndexOf(')') + 2);
            return afterName.charAt(0) != 'Z';
        } catch (IOException | RuntimeException e) {
            return process.isAlive();
        }
    }

    private static boolean serves(ProcessHandle handle, String folderPrefix) {
        return isRunning(handle) && commandLine(handle.pid()).exists(arguments -> arguments.exists(argument -> argument.startsWith(folderPrefix)));
    }

    private static Option<List<String>> commandLine(long pid) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            return Option.some(List.of(new String(raw, StandardCharsets.UTF_8).split("\0")));
        } catch (IOException e) {
            return Option.none();
        }
    }
}
