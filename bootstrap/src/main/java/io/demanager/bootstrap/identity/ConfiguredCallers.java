package io.demanager.bootstrap.identity;

import io.demanager.application.port.in.Principal;
import io.demanager.application.port.out.CallerIdentities;
import io.demanager.domain.instance.ProjectId;
import io.demanager.domain.instance.UserRef;
import io.vavr.collection.HashMap;
import io.vavr.collection.HashSet;
import io.vavr.collection.Map;
import io.vavr.control.Option;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The tokens an operator configured, each naming its principal. Only a digest of each token is kept, and a token is
 * looked up by its digest, so the tokens themselves stay in the file and a lookup takes no longer for a near miss.
 */
public final class ConfiguredCallers implements CallerIdentities {

    public static final String DEVELOPMENT_TOKEN = "dev-token";
    public static final Principal DEVELOPMENT_CALLER =
            Principal.withEverythingIn(new UserRef("dev", "dev"), HashSet.of(new ProjectId("demo-project")));

    private final Map<String, Principal> callersByDigest;
    private final boolean development;

    private ConfiguredCallers(Map<String, Principal> callersByDigest, boolean development) {
        this.callersByDigest = callersByDigest;
        this.development = development;
    }

    /** Each token and the principal it names. */
    public static ConfiguredCallers of(Map<String, Principal> callersByToken) {
        return new ConfiguredCallers(callersByToken.mapKeys(ConfiguredCallers::digest), false);
    }

    /** One documented token for trying the server out: {@value #DEVELOPMENT_TOKEN}, user {@code dev}, project {@code demo-project}. */
    public static ConfiguredCallers development() {
        return new ConfiguredCallers(HashMap.of(digest(DEVELOPMENT_TOKEN), DEVELOPMENT_CALLER), true);
    }

    /** Whether these are the development token's, which anybody who read the documentation knows. */
    public boolean isDevelopment() {
        return development;
    }

    @Override
    public Option<Principal> byToken(String token) {
        return callersByDigest.get(digest(token));
    }

    private static String digest(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java runtime has SHA-256", impossible);
        }
    }
}
