package io.demanager.adapter.persistence.postgres;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;

/**
 * Seals secrets with AES-GCM so that a database dump does not reveal them. A sealed value is a random
 * 12-byte nonce followed by the ciphertext and its tag. The associated data (the instance id) binds a
 * sealed value to its row: copied into another row, it no longer opens.
 */
final class CredentialCipher {

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Set<Integer> AES_KEY_BYTES = Set.of(16, 24, 32);

    private final SecretKey key;
    /**
     * Found once: without it, each cipher walks the installed providers twice (at its creation and at its first init),
     * which the profile of modify showed costing more than the decryption itself.
     */
    private final Provider provider;
    private final SecureRandom random = new SecureRandom();

    CredentialCipher(SecretKey key) {
        Objects.requireNonNull(key, "key");
        if (!"AES".equals(key.getAlgorithm()) || key.getEncoded() == null || !AES_KEY_BYTES.contains(key.getEncoded().length)) {
            throw new IllegalArgumentException("the credential key is an AES key of 128, 192 or 256 bits");
        }
        this.key = key;
        try {
            this.provider = Cipher.getInstance(TRANSFORMATION).getProvider();
        } catch (GeneralSecurityException missing) {
            throw new IllegalStateException("this Java has no " + TRANSFORMATION, missing);
        }
    }

    byte[] seal(byte[] plaintext, byte[] associatedData) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] ciphertext = run(Cipher.ENCRYPT_MODE, nonce, associatedData, plaintext, 0, plaintext.length);
        return ByteBuffer.allocate(NONCE_BYTES + ciphertext.length).put(nonce).put(ciphertext).array();
    }

    /** The plaintext; a value sealed with another key, for another row, or altered cannot be opened and is thrown. */
    byte[] open(byte[] sealed, byte[] associatedData) {
        if (sealed.length < NONCE_BYTES + TAG_BITS / Byte.SIZE) {
            throw new IllegalStateException("a stored credential is too short to be a sealed value");
        }
        byte[] nonce = Arrays.copyOf(sealed, NONCE_BYTES);
        return run(Cipher.DECRYPT_MODE, nonce, associatedData, sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
    }

    private byte[] run(int mode, byte[] nonce, byte[] associatedData, byte[] input, int offset, int length) {
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION, provider);
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData);
            return cipher.doFinal(input, offset, length);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(mode == Cipher.DECRYPT_MODE
                    ? "a stored credential cannot be opened: altered, or sealed with another key"
                    : "a credential cannot be sealed", e);
        }
    }
}
