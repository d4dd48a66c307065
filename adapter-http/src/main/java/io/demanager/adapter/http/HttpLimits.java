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
 * @param eventStreamsPerCaller       how many event streams one user may hold open at once; beyond, 429
 * @param eventStreams                how many event streams the server holds open at once, each on a thread of its
 *                                    own; beyond, 503 with Retry-After
 */
public record HttpLimits(Duration idleTimeout, long minRequestBytesPerSecond, int concurrentRequestsPerCaller,
                         int eventStreamsPerCaller, int eventStreams) {

    public static final int DEFAULT_EVENT_STREAMS_PER_CALLER = 4;
    public static final int DEFAULT_EVENT_STREAMS = 100;
    public static final HttpLimits DEFAULT = new HttpLimits(Duration.ofSeconds(30), 1024, 32);

    /** The limits with the default bounds of event streams. */
    public HttpLimits(Duration idleTimeout, long minRequestBytesPerSecond, int concurrentRequestsPerCaller) {
        this(idleTimeout, minRequestBytesPerSecond, concurrentRequestsPerCaller, DEFAULT_EVENT_STREAMS_PER_CALLER,
                DEFAULT_EVENT_STREAMS);
    }

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
        if (eventStreamsPerCaller < 1 || eventStreams < eventStreamsPerCaller) {
            throw new IllegalArgumentException("a caller may hold at least one event stream, and the server at least as many as"
                    + " one caller, not " + eventStreamsPerCaller + " and " + eventStreams);
        }
    }
}
