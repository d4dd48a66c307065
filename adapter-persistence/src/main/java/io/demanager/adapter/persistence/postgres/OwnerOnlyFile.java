package io.demanager.adapter.persistence.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Supplier;

/**
 * A secret kept in a file of the data directory that only its owner may read or write (mode 600 where the file
 * system has POSIX permissions): made once, on the first start, and read on every later one.
 */
public final class OwnerOnlyFile {

    private OwnerOnlyFile() {
    }

    /** The secret in {@code file}, first writing {@code newSecret} there when there is no such file yet. */
    public static String readOrCreate(Path file, Supplier<String> newSecret) {
        try {
            if (!Files.exists(file)) {
                create(file, newSecret.get());
            }
            return Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (IOException unusable) {
            throw new UncheckedIOException("cannot read or write " + file, unusable);
        }
    }

    private static void create(Path file, String secret) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
        Files.writeString(file, secret + "\n", StandardCharsets.US_ASCII);
    }
}
