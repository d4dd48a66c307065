package io.demanager.adapter.runtime.process;

import io.vavr.collection.List;
import io.vavr.control.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.concurrent.TimeUnit;

/**
 * Who a notebook runs as. A notebook runs whatever code its user types, so a server running as root never runs one as
 * root: it drops to the configured unprivileged user with {@code setpriv} (util-linux), without any capability, and
 * gives that user the notebook's own folders. A server that is not root runs notebooks as itself.
 */
final class NotebookUser {

    private final Option<String> name;
    private final Option<String> group;

    private NotebookUser(Option<String> name, Option<String> group) {
        this.name = name;
        this.group = group;
    }

    /**
     * The user notebooks run as on this machine: {@code configured} when this process is root (it must exist),
     * this process's own user otherwise.
     */
    static NotebookUser resolve(Option<String> configured) {
        if (!isRoot()) {
            return new NotebookUser(Option.none(), Option.none());
        }
        String user = configured.getOrElseThrow(() -> new IllegalArgumentException(
                "the server runs as root, so notebooks need an unprivileged user to run as"));
        if (user.equals("root") || user.equals("0")) {
            throw new IllegalArgumentException("notebooks never run as root");
        }
        String primaryGroup = run("id", "-gn", user).getOrElseThrow(() -> new IllegalArgumentException(
                "the notebook user " + user + " does not exist (create it, e.g. useradd --system " + user + ")"));
        return new NotebookUser(Option.some(user), Option.some(primaryGroup));
    }

    /** {@code command} as this user would run it. */
    List<String> wrap(List<String> command) {
        return name.fold(() -> command, user -> List.of("setpriv", "--reuid=" + user, "--regid=" + group.get(),
                "--init-groups", "--inh-caps=-all", "--").appendAll(command));
    }

    /** Makes {@code folder} this user's, and only theirs. */
    void own(Path folder) throws IOException {
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        if (name.isDefined()) {
            UserPrincipalLookupService users = folder.getFileSystem().getUserPrincipalLookupService();
            UserPrincipal owner = users.lookupPrincipalByName(name.get());
            GroupPrincipal ownerGroup = users.lookupPrincipalByGroupName(group.get());
            PosixFileAttributeView view = Files.getFileAttributeView(folder, PosixFileAttributeView.class);
            view.setOwner(owner);
            view.setGroup(ownerGroup);
        }
    }

    /**
     * Lets this user pass through {@code dataFolder} (the folder that holds the notebooks' folder) without listing
     * or reading it, and checks that every folder above lets them pass too.
     *
     * @throws IllegalStateException naming the folder that stops them
     */
    void mayPassThrough(Path dataFolder) throws IOException {
        if (name.isEmpty()) {
            return;
        }
        Files.setPosixFilePermissions(dataFolder, PosixFilePermissions.fromString("rwx--x--x"));
        for (Path above = dataFolder.getParent(); above != null; above = above.getParent()) {
            if (!Files.getPosixFilePermissions(above).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                throw new IllegalStateException("notebooks run as " + name.get() + ", who cannot pass through " + above
                        + ": give it o+x, or keep the data folder elsewhere");
            }
        }
    }

    /** Whether the notebook runs as another user than the server, who must be able to pass through its folders. */
    boolean isAnotherUser() {
        return name.isDefined();
    }

    static boolean isRoot() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static Option<String> run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0 ? Option.some(output) : Option.none();
        } catch (IOException e) {
            return Option.none();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Option.none();
        }
    }
}
