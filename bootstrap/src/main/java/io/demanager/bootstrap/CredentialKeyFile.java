package io.demanager.bootstrap;

import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The key that seals stored credentials, kept in a file of the data directory when the operator gives none: made on
 * the first start (256 bits, readable by its owner only) and read on every later one, so that credentials stored
 * before a restart can still be opened.
 */
final class CredentialKeyFile {

    static final String NAME = "credential.key";

    private CredentialKeyFile() {
    }

    static SecretKey loadOrCreate(Path dataDirectory) {
        Path file = dataDirectory.resolve(NAME);
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            byte[] key = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
            return new SecretKeySpec(key, "AES");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the credential key " + file, e);
        }
    }

    private static void create(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        String key = Base64.getEncoder().encodeToString(newKey().getEncoded()) + "\n";
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
        Files.writeString(file, key, StandardCharsets.US_ASCII);
    }

    private static SecretKey newKey() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256);
            return generator.generateKey();
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java runtime has AES", impossible);
        }
    }
}
