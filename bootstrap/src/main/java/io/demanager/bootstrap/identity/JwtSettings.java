package io.demanager.bootstrap.identity;

import java.time.Duration;
import java.util.Objects;

/**
 * How JSON Web Tokens are checked and read.
 *
 * @param keys           where the issuer's public keys are: a JWKS file, or an {@code http(s)} URL of one
 * @param issuer         the only {@code iss} accepted
 * @param audience       the {@code aud} a token must name
 * @param clockSkew      how far the clocks of issuer and server may disagree about {@code exp} and {@code nbf}
 * @param userClaim      the claim holding the user's id
 * @param userNameClaim  the claim holding the user's name (the id when a token has none)
 * @param projectsClaim  the claim holding the project grants: an array of project ids, or an object from project id
 *                       to the array of actions granted there
 */
public record JwtSettings(String keys, String issuer, String audience, Duration clockSkew, String userClaim,
                          String userNameClaim, String projectsClaim) {

    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(60);
    public static final String DEFAULT_USER_CLAIM = "sub";
    public static final String DEFAULT_USER_NAME_CLAIM = "name";
    public static final String DEFAULT_PROJECTS_CLAIM = "projects";

    public JwtSettings {
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(clockSkew, "clockSkew");
        Objects.requireNonNull(userClaim, "userClaim");
        Objects.requireNonNull(userNameClaim, "userNameClaim");
        Objects.requireNonNull(projectsClaim, "projectsClaim");
    }

    /** Whether the keys are fetched from a URL rather than read from a file. */
    public boolean keysAtUrl() {
        return keys.startsWith("https://") || keys.startsWith("http://");
    }
}
