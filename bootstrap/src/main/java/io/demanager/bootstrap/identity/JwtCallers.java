package io.demanager.bootstrap.identity;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.demanager.application.port.in.Permission;
import io.demanager.application.port.in.Principal;
import io.demanager.application.port.in.ProjectGrant;
import io.demanager.application.port.out.CallerIdentities;
import io.demanager.domain.instance.ProjectId;
import io.demanager.domain.instance.UserRef;
import io.vavr.collection.HashSet;
import io.vavr.collection.HashMap;
import io.vavr.collection.Map;
import io.vavr.collection.Set;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;

/**
 * Callers named by JSON Web Tokens that an identity provider signed: the signature is checked against the provider's
 * public keys (a JWKS file, or a URL whose keys are fetched and cached), then the issuer, the audience, the expiry and
 * the not-before time (with the configured clock skew), and the claims that name the user and the projects with the
 * actions granted in each. Only
 * asymmetric signatures are accepted (RSA, RSA-PSS, ECDSA): an unsigned token ({@code alg: none}) or one
 * signed with a shared secret is refused, whatever its claims.
 */
public final class JwtCallers implements CallerIdentities {

    static final java.util.Set<JWSAlgorithm> ACCEPTED = java.util.Set.of(
            JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512,
            JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512);

    /** Nimbus waits half a second by default: too little for a busy identity provider. */
    private static final Duration KEYS_TIMEOUT = Duration.ofSeconds(5);
    private static final int KEYS_SIZE_LIMIT_BYTES = 512 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(JwtCallers.class);

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final JwtSettings settings;

    private JwtCallers(JwtSettings settings, JWKSource<SecurityContext> keys) {
        this.settings = settings;
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ACCEPTED, keys));
        var claims = new DefaultJWTClaimsVerifier<>(settings.audience(),
                new JWTClaimsSet.Builder().issuer(settings.issuer()).build(),
                java.util.Set.of("exp", settings.userClaim(), settings.projectsClaim()));
        claims.setMaxClockSkew((int) settings.clockSkew().toSeconds());
        processor.setJWTClaimsSetVerifier(claims);
    }

    /** The callers the tokens of {@code settings}' issuer name, or why its keys cannot be used. */
    public static Either<String, JwtCallers> of(JwtSettings settings) {
        try {
            JWKSource<SecurityContext> keys = settings.keysAtUrl()
                    ? JWKSourceBuilder.create(URI.create(settings.keys()).toURL(), new DefaultResourceRetriever(
                            (int) KEYS_TIMEOUT.toMillis(), (int) KEYS_TIMEOUT.toMillis(), KEYS_SIZE_LIMIT_BYTES)).retrying(true).build()
                    : new ImmutableJWKSet<>(JWKSet.load(Path.of(settings.keys()).toFile()));
            return Either.right(new JwtCallers(settings, keys));
        } catch (MalformedURLException | IllegalArgumentException notAUrl) {
            return Either.left("'" + settings.keys() + "' is not a URL");
        } catch (IOException unreadable) {
            return Either.left(settings.keys() + " cannot be read: " + unreadable.getMessage());
        } catch (ParseException notJwks) {
            return Either.left(settings.keys() + " is not a JWK set: " + notJwks.getMessage());
        }
    }

    @Override
    public Option<Principal> byToken(String token) {
        try {
            JWTClaimsSet claims = processor.process(token, null);
            Either<String, Principal> principal = principal(claims);
            principal.orElseRun(problem -> LOG.debug("A signed token was refused: {}", problem));
            return principal.toOption();
        } catch (ParseException | BadJOSEException | com.nimbusds.jose.JOSEException refused) {
            LOG.debug("A token was refused: {}", refused.getMessage());
            return Option.none();
        }
    }

    private Either<String, Principal> principal(JWTClaimsSet claims) {
        Object id = claims.getClaim(settings.userClaim());
        Object name = claims.getClaim(settings.userNameClaim());
        if (!(id instanceof String userId) || userId.isBlank()) {
            return Either.left(settings.userClaim() + " is not a user id");
        }
        String userName = name instanceof String given && !given.isBlank() ? given : userId;
        return grants(claims.getClaim(settings.projectsClaim()))
                .map(grants -> new Principal(new UserRef(userId, userName), grants));
    }

    /**
     * An array of project ids (every action in each), or an object whose keys are project ids, each with the array
     * of the actions granted there (the IAM names of {@link Permission}).
     */
    private Either<String, Map<ProjectId, ProjectGrant>> grants(Object claim) {
        java.util.Map<?, ?> actionsByProject;
        if (claim instanceof java.util.List<?> list) {
            java.util.Map<Object, Object> everything = new java.util.LinkedHashMap<>();
            list.forEach(project -> everything.put(project, null));
            actionsByProject = everything;
        } else if (claim instanceof java.util.Map<?, ?> map) {
            actionsByProject = map;
        } else {
            return Either.left(settings.projectsClaim() + " is neither an array of projects nor an object of projects and actions");
        }
        Map<ProjectId, ProjectGrant> grants = HashMap.empty();
        for (var entry : actionsByProject.entrySet()) {
            if (!(entry.getKey() instanceof String text) || ProjectId.of(text).isLeft()) {
                return Either.left(settings.projectsClaim() + " holds something that is not a project id");
            }
            Option<Set<Permission>> permissions = entry.getValue() == null ? Option.some(Permission.ALL) : permissions(entry.getValue());
            if (permissions.isEmpty()) {
                return Either.left(settings.projectsClaim() + "." + text + " is not an array of actions");
            }
            grants = grants.put(new ProjectId(text), new ProjectGrant(permissions.get(), false));
        }
        return Either.right(grants);
    }

    private static Option<Set<Permission>> permissions(Object granted) {
        if (!(granted instanceof java.util.List<?> actions)) {
            return Option.none();
        }
        Set<Permission> permissions = HashSet.empty();
        for (Object action : actions) {
            Option<Permission> permission = action instanceof String name ? Permission.ofIamName(name) : Option.none();
            if (permission.isEmpty()) {
                return Option.none();
            }
            permissions = permissions.add(permission.get());
        }
        return Option.some(permissions);
    }
}
