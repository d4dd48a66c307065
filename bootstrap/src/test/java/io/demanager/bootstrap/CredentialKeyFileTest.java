package io.demanager.bootstrap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.crypto.SecretKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

class CredentialKeyFileTest {

    @TempDir
    Path data;

    @Test
    void theFirstStartMakesAKeyOnlyItsOwnerCanReadAndEveryLaterStartReadsTheSameOne() throws IOException {
        SecretKey made = CredentialKeyFile.loadOrCreate(data.resolve("new"));
        SecretKey readAgain = CredentialKeyFile.loadOrCreate(data.resolve("new"));

        assertThat(made.getEncoded()).hasSize(32);
        assertThat(readAgain.getEncoded()).isEqualTo(made.getEncoded());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("new").resolve(CredentialKeyFile.NAME))))
                .isEqualTo("rw-------");
    }

    @Test
    void twoDataDirectoriesHaveTwoKeys() {
        assertThat(CredentialKeyFile.loadOrCreate(data.resolve("a")).getEncoded())
                .isNotEqualTo(CredentialKeyFile.loadOrCreate(data.resolve("b")).getEncoded());
    }
}
