package io.demanager.adapter.runtime.process;

import io.demanager.domain.catalog.StorageType;
import io.demanager.domain.instance.Instance;
import io.demanager.domain.instance.InstanceId;
import io.vavr.collection.List;
import io.vavr.control.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The folder of one instance. The server's own files (process id, port, log) sit at its top, which only the server
 * may read; the notebook's user owns {@code home} (its HOME and Jupyter state) and its storage: {@code evs} for an
 * EVS disk, {@code obs/<bucket>/<folders>} for an OBS folder, where Jupyter serves files from.
 */
final class NotebookFolder {

    private final Path root;

    NotebookFolder(Path runtimeFolder, InstanceId id) {
        this.root = runtimeFolder.resolve(id.value());
    }

    Path root() {
        return root;
    }

    Path home() {
        return root.resolve("home");
    }

    Path pidFile() {
        return root.resolve("notebook.pid");
    }

    Path portFile() {
        return root.resolve("notebook.port");
    }

    Path logFile() {
        return root.resolve("notebook.log");
    }

    Path lockFile() {
        return root.resolve("notebook.lock");
    }

    /** Where Jupyter serves files from: the instance's storage. */
    Path storage(Instance instance) {
        var storage = instance.spec().storage();
        if (storage.type() != StorageType.OBS) {
            return root.resolve("evs");
        }
        String path = storage.path().getOrElse("").replaceFirst("^obs://", "");
        List<String> segments = List.of(path.split("/")).filter(s -> !s.isBlank() && !s.equals(".") && !s.equals(".."))
                .map(s -> s.replaceAll("[^A-Za-z0-9._-]", "_"));
        return segments.foldLeft(root.resolve("obs"), Path::resolve);
    }

    /** Creates what is missing: the top for the server only, passable by the notebook's user; the rest theirs. */
    void prepare(Instance instance, NotebookUser user) throws IOException {
        Files.createDirectories(root);
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString(user.isAnotherUser() ? "rwx--x--x" : "rwx------"));
        Path storage = storage(instance);
        Path topOfStorage = root.relativize(storage).getName(0);
        for (Path folder : List.of(home(), storage)) {
            Files.createDirectories(folder);
        }
        for (Path folder : ownedBelow(root.resolve(topOfStorage)).append(home())) {
            user.own(folder);
        }
    }

    Option<Long> pid() {
        return read(pidFile()).flatMap(NotebookFolder::number);
    }

    Option<Integer> port() {
        return read(portFile()).flatMap(NotebookFolder::number).map(Long::intValue);
    }

    void recordProcess(long pid, int port) throws IOException {
        write(portFile(), Integer.toString(port));
        write(pidFile(), Long.toString(pid));
    }

    void forgetProcess() throws IOException {
        Files.deleteIfExists(pidFile());
        Files.deleteIfExists(portFile());
    }

    /** The last {@code count} lines of the notebook's log. */
    List<String> lastLogLines(int count) {
        return read(logFile()).map(text -> List.of(text.split("\n")).takeRight(count)).getOrElse(List.empty());
    }

    /** Removes the folder and everything in it. */
    void remove() {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> ownedBelow(Path top) throws IOException {
        try (Stream<Path> folders = Files.walk(top)) {
            return List.ofAll(folders.filter(Files::isDirectory).toList());
        }
    }

    private static void write(Path file, String text) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".new");
        Files.writeString(temporary, text, StandardCharsets.UTF_8);
        Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static Option<String> read(Path file) {
        try {
            return Files.exists(file) ? Option.some(Files.readString(file, StandardCharsets.UTF_8)) : Option.none();
        } catch (IOException e) {
            return Option.none();
        }
    }

    private static Option<Long> number(String text) {
        try {
            return Option.some(Long.parseLong(text.strip()));
        } catch (NumberFormatException e) {
            return Option.none();
        }
    }
}
