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
import io.demanager.application.port.out.Caller;
import io.demanager.application.port.out.CallerIdentities;
import io.demanager.domain.instance.ProjectId;
import io.demanager.domain.instance.UserRef;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
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
 * the not-before time (with the configured clock skew), and the claims that name the user and the projects. Only
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
    public Option<Caller> byToken(String token) {
        try {
            JWTClaimsSet claims = processor.process(token, null);
            Either<String, Caller> caller = caller(claims);
            caller.orElseRun(problem -> LOG.debug("A signed token was refused: {}", problem));
            return caller.toOption();
        } catch (ParseException | BadJOSEException | com.nimbusds.jose.JOSEException refused) {
            LOG.debug("A token was refused: {}", refused.getMessage());
            return Option.none();
        }
    }

    private Either<String, Caller> caller(JWTClaimsSet claims) {
        Object id = claims.getClaim(settings.userClaim());
        Object name = claims.getClaim(settings.userNameClaim());
        if (!(id instanceof String userId) || userId.isBlank()) {
            return Either.left(settings.userClaim() + " is not a user id");
        }
        String userName = name instanceof String given && !given.isBlank() ? given : userId;
        return projects(claims.getClaim(settings.projectsClaim()))
                .map(projects -> new Caller(new UserRef(userId, userName), projects));
    }

    /** An array of project ids, or an object whose keys are project ids (each with the array of actions granted there). */
    private Either<String, Set<ProjectId>> projects(Object grants) {
        List<?> projects;
        if (grants instanceof java.util.List<?> list) {
            projects = List.ofAll(list);
        } else if (grants instanceof java.util.Map<?, ?> map && map.values().stream().allMatch(JwtCallers::actions)) {
            projects = List.ofAll(map.keySet());
        } else {
            return Either.left(settings.projectsClaim() + " is neither an array of projects nor an object of projects and actions");
        }
        Set<ProjectId> ids = HashSet.empty();
        for (Object project : projects) {
            if (!(project instanceof String text) || ProjectId.of(text).isLeft()) {
                return Either.left(settings.projectsClaim() + " holds something that is not a project id");
            }
            ids = ids.add(new ProjectId(text));
        }
        return Either.right(ids);
    }

    private static boolean actions(Object granted) {
        return granted instanceof java.util.List<?> list && list.stream().allMatch(String.class::isInstance);
    }
}
