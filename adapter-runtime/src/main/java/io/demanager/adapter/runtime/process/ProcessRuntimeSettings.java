package io.demanager.adapter.runtime.process;

import io.vavr.collection.List;
import io.vavr.control.Option;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * How the process runtime runs notebooks.
 *
 * @param command      the Jupyter Server command and its first arguments, e.g. {@code jupyter-server}
 * @param folder       where each instance gets a folder of its own (its files, its Jupyter state, its log)
 * @param bindHost     the address every notebook listens on
 * @param firstPort    the lowest port a notebook may take; {@value #ANY_PORT}, with {@code lastPort} {@value #ANY_PORT}
 *                     too, for any port the system gives as free
 * @param lastPort     the highest port a notebook may take
 * @param startTimeout how long a notebook has to answer {@code /api/status} before its launch counts as failed
 * @param stopGrace    how long a notebook has to stop after SIGTERM before it and its kernels get SIGKILL
 * @param notebookUser the OS user every notebook runs as when the server runs as root; none runs them as the server's
 *                     own user, which is refused for root
 */
public record ProcessRuntimeSettings(List<String> command, Path folder, String bindHost, int firstPort, int lastPort,
                                     Duration startTimeout, Duration stopGrace, Option<String> notebookUser) {

    public static final String DEFAULT_COMMAND = "jupyter-server";
    public static final int DEFAULT_FIRST_PORT = 42_000;
    public static final int DEFAULT_LAST_PORT = 42_999;
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_STOP_GRACE = Duration.ofSeconds(5);
    public static final String DEFAULT_NOTEBOOK_USER = "demanager-notebook";
    /** As port 0 does for a socket: a notebook takes any port the system gives as free. */
    public static final int ANY_PORT = 0;

    public ProcessRuntimeSettings {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(bindHost, "bindHost");
        Objects.requireNonNull(startTimeout, "startTimeout");
        Objects.requireNonNull(stopGrace, "stopGrace");
        Objects.requireNonNull(notebookUser, "notebookUser");
        if (command.isEmpty()) {
            throw new IllegalArgumentException("the Jupyter command is not empty");
        }
        boolean anyPort = firstPort == ANY_PORT && lastPort == ANY_PORT;
        if (!anyPort && (firstPort < 1 || lastPort > 65_535 || firstPort > lastPort)) {
            throw new IllegalArgumentException("the port range is within 1-65535, lowest first: " + firstPort + "-" + lastPort);
        }
        if (startTimeout.isNegative() || startTimeout.isZero() || stopGrace.isNegative()) {
            throw new IllegalArgumentException("the start timeout is positive and the stop grace period not negative");
        }
    }

    /** Whether notebooks take any port the system gives as free rather than one of a range. */
    public boolean anyFreePort() {
        return firstPort == ANY_PORT;
    }

    /** Whether {@code command} names an executable: a path, or a name found on the {@code PATH}. */
    public static boolean isInstalled(String command) {
        if (command.contains("/")) {
            return Files.isExecutable(Path.of(command));
        }
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(folder -> !folder.isBlank())
                .anyMatch(folder -> Files.isExecutable(Path.of(folder, command)));
    }

    /** Why notebooks could not run as {@code user} on this machine; none when they can. */
    public static Option<String> userProblem(Option<String> user) {
        try {
            NotebookUser.resolve(user);
            return Option.none();
        } catch (IllegalArgumentException refused) {
            return Option.some(refused.getMessage());
        }
    }
}
