package io.demanager.adapter.http;

import java.time.Duration;
import java.util.Objects;

/**
 * What one client may hold of the server, so that slow or idle clients cannot exhaust it.
 *
 * @param idleTimeout                 a connection that sends nothing for this long is closed (a request in progress
 *                                    answers 408)
 * @param minRequestBytesPerSecond    a request body that arrives slower than this is refused with 408; 0 checks no rate
 * @param concurrentRequestsPerCaller how many API requests of one user may run at once; beyond, 429 with Retry-After
 */
public record HttpLimits(Duration idleTimeout, long minRequestBytesPerSecond, int concurrentRequestsPerCaller) {

    public static final HttpLimits DEFAULT = new HttpLimits(Duration.ofSeconds(30), 1024, 32);

    public HttpLimits {
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("the idle timeout must be positive, not " + idleTimeout);
        }
        if (minRequestBytesPerSecond < 0) {
            throw new IllegalArgumentException("the minimum request data rate cannot be negative: " + minRequestBytesPerSecond);
        }
        if (concurrentRequestsPerCaller < 1) {
            throw new IllegalArgumentException("a caller may run at least one request at once, not " + concurrentRequestsPerCaller);
        }
    }
}
