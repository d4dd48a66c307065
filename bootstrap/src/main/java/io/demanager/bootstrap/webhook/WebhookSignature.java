package io.demanager.bootstrap.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * The signature of a webhook's body, header {@value #HEADER}: {@code t=<unix seconds>,v1=<hex>}, where the hex is the
 * HMAC-SHA256, keyed with the configured secret, of the time, a dot and the body's bytes. A receiver computes the same
 * over what it received, compares in constant time, and refuses a time too far from its own clock, so that a body
 * recorded on the way cannot be played again later.
 */
public final class WebhookSignature {

    public static final String HEADER = "X-Demanager-Signature";
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    public WebhookSignature(String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** The header's value for {@code body} sent at {@code epochSecond}. */
    public String sign(long epochSecond, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update((epochSecond + ".").getBytes(StandardCharsets.US_ASCII));
            return "t=" + epochSecond + ",v1=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException("every JVM has " + ALGORITHM, unavailable);
        }
    }
}
