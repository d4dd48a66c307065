package io.demanager.bootstrap.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.demanager.application.port.in.Permission;
import io.demanager.application.port.in.Principal;
import io.demanager.application.port.in.ProjectGrant;
import io.demanager.domain.instance.ProjectId;
import io.demanager.domain.instance.UserRef;
import io.vavr.collection.HashSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/** JSON Web Tokens: accepted when every check holds, refused for each reason on its own. */
class JwtCallersTest {

    private static final String ISSUER = "https://id.example.test";
    private static final String AUDIENCE = "demanager";
    private static final UserRef ALICE_USER = new UserRef("u-42", "alice");
    private static final Principal ALICE = Principal.withEverythingIn(ALICE_USER, HashSet.of(new ProjectId("team-a"), new ProjectId("team-b")));

    private static RSAKey rsa;
    private static ECKey ec;
    private static RSAKey stranger;
    private static JwtCallers callers;

    @BeforeAll
    static void keys(@TempDir Path directory) throws Exception {
        rsa = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        ec = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
        stranger = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        Path jwks = directory.resolve("jwks.json");
        Files.writeString(jwks, new JWKSet(List.<JWK>of(rsa.toPublicJWK(), ec.toPublicJWK())).toString(), StandardCharsets.UTF_8);
        callers = JwtCallers.of(settings(jwks.toString())).get();
    }

    @Test
    void aTokenSignedByAKnownRsaOrEcKeyWithEveryCheckHoldingNamesItsUserAndProjects() throws Exception {
        assertThat(callers.byToken(signed(rsa, JWSAlgorithm.RS256, valid()))).contains(ALICE);
        assertThat(callers.byToken(signed(ec, JWSAlgorithm.ES256, valid()))).contains(ALICE);
    }

    @Test
    void projectsMayBeGrantedAsAnObjectOfProjectsAndTheActionsGrantedInEach() throws Exception {
        JWTClaimsSet claims = valid(builder -> builder.claim("projects",
                Map.of("team-a", List.of("get", "list"), "team-b", List.of("create"))));

        assertThat(callers.byToken(signed(rsa, JWSAlgorithm.RS256, claims))).contains(new Principal(ALICE_USER, io.vavr.collection.HashMap.of(
                new ProjectId("team-a"), new ProjectGrant(HashSet.of(Permission.GET, Permission.LIST), false),
                new ProjectId("team-b"), new ProjectGrant(HashSet.of(Permission.CREATE), false))));
    }

    @Test
    void aTokenGrantingAnActionNobodyKnowsIsRefused() throws Exception {
        JWTClaimsSet claims = valid(builder -> builder.claim("projects", Map.of("team-a", List.of("get", "launch"))));

        assertThat(callers.byToken(signed(rsa, JWSAlgorithm.RS256, claims))).isEmpty();
    }

    @Test
    void aTokenWithinTheClockSkewOfItsExpiryIsStillAccepted() throws Exception {
        JWTClaimsSet claims = valid(builder -> builder.expirationTime(Date.from(Instant.now().minusSeconds(30))));

        assertThat(callers.byToken(signed(rsa, JWSAlgorithm.RS256, claims))).isNotEmpty();
    }

    @Test
    void aSignatureThatDoesNotMatchIsRefused() throws Exception {
        assertThat(callers.byToken(signed(stranger, JWSAlgorithm.RS256, valid()))).isEmpty();
        String token = signed(rsa, JWSAlgorithm.RS256, valid());
        String tampered = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA" + token.substring(token.lastIndexOf('.') + 5);
        assertThat(callers.byToken(tampered)).isEmpty();
    }

    @Test
    void aKeyIdTheJwksDoesNotHaveIsRefused() throws Exception {
        RSAKey unknown = new RSAKeyGenerator(2048).keyID("rsa-unknown").generate();

        assertThat(callers.byToken(signed(unknown, JWSAlgorithm.RS256, valid()))).isEmpty();
    }

    @Test
    void anotherIssuerIsRefused() throws Exception {
        assertThat(callers.byToken(signed(rsa, JWSAlgorithm.RS256, valid(b -> b.issuer("https://evil.example.test"))))).isEmpty();
    }

    @Test
    void anotherAudienceIsRefused() throws Exception {
        assertThat(callers.byToken(signed(rsa, JWSAlgorithm.RS256, valid(b -> b.audience("someone-else"))))).isEmpty();
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        JWTClaimsSet claims = valid(builder -> builder.expirationTime(Date.from(Instant.now().minusSeconds(120))));

        assertThat(callers.byToken(signed(rsa, JWSAlgorithm.RS256, claims))).isEmpty();
    }

    @Test
    void aTokenNotYetValidIsRefused() throws Exception {
        JWTClaimsSet claims = valid(builder -> builder.notBeforeTime(Date.from(Instant.now().plusSeconds(120))));

        assertThat(callers.byToken(signed(rsa, JWSAlgorithm.RS256, claims))).isEmpty();
    }

    @Test
    void aTokenWithoutItsUserProjectsOrExpiryIsRefused() throws Exception {
        assertThat(callers.byToken(signed(rsa, JWSAlgorithm.RS256, valid(b -> b.subject(null))))).isEmpty();
        assertThat(callers.byToken(signed(rsa, JWSAlgorithm.RS256, valid(b -> b.claim("projects", null))))).isEmpty();
        assertThat(callers.byToken(signed(rsa, JWSAlgorithm.RS256, valid(b -> b.expirationTime(null))))).isEmpty();
        assertThat(callers.byToken(signed(rsa, JWSAlgorithm.RS256, valid(b -> b.claim("projects", List.of("not a project!")))))).isEmpty();
        assertThat(callers.byToken(signed(rsa, JWSAlgorithm.RS256, valid(b -> b.claim("projects", "team-a"))))).isEmpty();
    }

    @Test
    void anUnsignedTokenIsRefused() {
        assertThat(callers.byToken(new PlainJWT(valid()).serialize())).isEmpty();
    }

    @Test
    void aTokenSignedWithASharedSecretIsRefusedEvenIfTheSecretIsThePublicKey() throws Exception {
        byte[] publicKey = rsa.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8);

        assertThat(callers.byToken(sign(new MACSigner(publicKey), new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("rsa-1").build(),
                valid()))).isEmpty();
    }

    @Test
    void somethingThatIsNoTokenAtAllIsRefused() {
        assertThat(callers.byToken("dev-token")).isEmpty();
        assertThat(callers.byToken("a.b.c")).isEmpty();
        assertThat(callers.byToken("")).isEmpty();
    }

    @Test
    void theKeysMayBeFetchedFromAUrl() throws Exception {
        HttpServer jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] document = new JWKSet(rsa.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        jwks.createContext("/jwks.json", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, document.length);
            exchange.getResponseBody().write(document);
            exchange.close();
        });
        jwks.start();
        try {
            JwtCallers fetching = JwtCallers.of(settings("http://127.0.0.1:" + jwks.getAddress().getPort() + "/jwks.json")).get();

            assertThat(fetching.byToken(signed(rsa, JWSAlgorithm.RS256, valid()))).contains(ALICE);
            assertThat(fetching.byToken(signed(ec, JWSAlgorithm.ES256, valid()))).isEmpty();
        } finally {
            jwks.stop(0);
        }
    }

    @Test
    void keysThatCannotBeReadAreAProblemOfTheConfiguration(@TempDir Path directory) throws IOException {
        Path notJwks = Files.writeString(directory.resolve("keys.json"), "{\"keys\": 3}");

        assertThat(JwtCallers.of(settings(directory.resolve("missing.json").toString())).getLeft()).contains("cannot be read");
        assertThat(JwtCallers.of(settings(notJwks.toString())).getLeft()).contains("is not a JWK set");
    }

    private static JwtSettings settings(String keys) {
        return new JwtSettings(keys, ISSUER, AUDIENCE, Duration.ofSeconds(60), JwtSettings.DEFAULT_USER_CLAIM,
                JwtSettings.DEFAULT_USER_NAME_CLAIM, JwtSettings.DEFAULT_PROJECTS_CLAIM);
    }

    private static JWTClaimsSet valid() {
        return valid(UnaryOperator.identity());
    }

    private static JWTClaimsSet valid(UnaryOperator<JWTClaimsSet.Builder> change) {
        Instant now = Instant.now();
        return change.apply(new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject("u-42")
                .claim("name", "alice")
                .claim("projects", List.of("team-a", "team-b"))
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now.minusSeconds(5)))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))).build();
    }

    private static String signed(JWK key, JWSAlgorithm algorithm, JWTClaimsSet claims) throws JOSEException {
        JWSSigner signer = key instanceof RSAKey rsaKey ? new RSASSASigner(rsaKey) : new ECDSASigner((ECKey) key);
        return sign(signer, new JWSHeader.Builder(algorithm).keyID(key.getKeyID()).build(), claims);
    }

    private static String sign(JWSSigner signer, JWSHeader header, JWTClaimsSet claims) throws JOSEException {
        SignedJWT jwt = new SignedJWT(header, claims);
        jwt.sign(signer);
        return jwt.serialize();
    }
}
