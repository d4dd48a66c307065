package io.demanager.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged server ({@code demanager-server.jar}) run by {@code java -jar} in a process of its own, as an operator
 * runs it, with its output kept in files.
 */
final class ServerProcess implements AutoCloseable {

    static final String JAR_NAME = "demanager-server.jar";
    static final Path JAR = Path.of(System.getProperty("demanager.server.jar", "target/" + JAR_NAME));
    /** The server for clusters: the Kubernetes client, no embedded PostgreSQL. */
    static final Path KUBERNETES_JAR = Path.of(System.getProperty("demanager.kubernetes.server.jar",
            "target/demanager-server-kubernetes.jar"));
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    /** The JVM's own options (not the server's settings): the build gives the servers its test JVMs' quick start. */
    private static final List<String> JAVA_OPTIONS = List.of(System.getProperty("demanager.server.java.options", "").trim().split("\\s+"))
            .stream().filter(option -> !option.isEmpty()).toList();

    private final Process process;
    private final Path output;
    private final Path errors;

    private ServerProcess(Process process, Path output, Path errors) {
        this.process = process;
        this.output = output;
        this.errors = errors;
    }

    /**
     * Runs {@code java -jar demanager-server.jar arguments} with {@code environment} added to this one's, minus the
     * server's own; the simulated runtime unless {@code environment} says otherwise.
     */
    static ServerProcess start(Path workDirectory, Map<String, String> environment, String... arguments) {
        return start(JAR, workDirectory, environment, arguments);
    }

    /** As {@link #start(Path, Map, String...)}, with another server jar. */
    static ServerProcess start(Path jar, Path workDirectory, Map<String, String> environment, String... arguments) {
        List<String> command = new java.util.ArrayList<>(List.of(JAVA));
        command.addAll(JAVA_OPTIONS);
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDirectory.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("DEMANAGER_"));
        builder.environment().put("DEMANAGER_RUNTIME", "simulated");
        builder.environment().putAll(environment);
        try {
            Path output = Files.createTempFile(workDirectory, "server-", ".out");
            Path errors = Files.createTempFile(workDirectory, "server-", ".err");
            return new ServerProcess(builder.redirectOutput(output.toFile()).redirectError(errors.toFile()).start(), output, errors);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        }
    }

    /** Asks the process to stop as an operator or an orchestrator does: SIGTERM. */
    void terminate() {
        process.destroy();
    }

    /** Kills the process as a crash or an out-of-memory killer does: SIGKILL, which it cannot catch. */
    void kill() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(30));
    }

    /** The exit code, once the process has ended within {@code patience}; an AssertionError if it has not. */
    int awaitExit(Duration patience) {
        try {
            if (!process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("the server did not exit within " + patience + "; it wrote:\n" + output() + errors());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Waits until it answers {@code /health/ready} with 200; an AssertionError with its output if it exits first. */
    void awaitReady(Client client) {
        awaitReady(client, Eventually.PATIENCE);
    }

    /** As {@link #awaitReady(Client)}, for up to {@code patience}. */
    void awaitReady(Client client, Duration patience) {
        Eventually.waitUntil("the server is ready", patience, () -> {
            if (!process.isAlive()) {
                throw new AssertionError("the server exited:\n" + output() + errors());
            }
            try {
                return client.get("/health/ready").status() == 200;
            } catch (RuntimeException notListeningYet) {
                return false;
            }
        });
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String output() {
        return read(output);
    }

    String errors() {
        return read(errors);
    }

    /** A process the test left running is stopped, then killed if it will not stop. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
