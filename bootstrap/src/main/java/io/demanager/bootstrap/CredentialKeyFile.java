package io.demanager.bootstrap;

import io.demanager.adapter.persistence.postgres.OwnerOnlyFile;

import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.nio.file.Path;
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
        String key = OwnerOnlyFile.readOrCreate(dataDirectory.resolve(NAME),
                () -> Base64.getEncoder().encodeToString(newKey().getEncoded()));
        return new SecretKeySpec(Base64.getDecoder().decode(key), "AES");
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
