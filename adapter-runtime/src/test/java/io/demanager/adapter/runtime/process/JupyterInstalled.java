package io.demanager.adapter.runtime.process;

import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Tests that run real notebooks skip, saying why, on a machine without Jupyter Server or a notebook user. */
public final class JupyterInstalled {

    public static final String COMMAND = "jupyter-server";
    public static final String NOTEBOOK_USER = "demanager-notebook";

    private JupyterInstalled() {
    }

    public static void assume() {
        boolean found = Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(folder -> Files.isExecutable(Path.of(folder, COMMAND)));
        Assumptions.assumeTrue(found, "needs the Debian packages jupyter-server and python3-ipykernel (no "
                + COMMAND + " on the PATH)");
        Assumptions.assumeTrue(!NotebookUser.isRoot() || userExists(),
                "runs as root, so needs the unprivileged user " + NOTEBOOK_USER + " (useradd --system " + NOTEBOOK_USER + ")");
    }

    private static boolean userExists() {
        try {
            return new ProcessBuilder("id", NOTEBOOK_USER).start().waitFor() == 0;
        } catch (Exception e) {
            return false;
        }
    }
}
