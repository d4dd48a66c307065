package io.demanager.adapter.http;

import io.demanager.domain.instance.Identifier;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.event.Level;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One log line and one metric per request. The request id (the caller's {@code X-Request-Id} when it is a
 * plain token, a new one otherwise) is echoed in the answer and, with the project and instance of the path,
 * carried by every line logged while the request runs (MDC keys {@code request_id}, {@code project_id},
 * {@code instance_id}). Nothing else of the request is logged: no header, query or body, so no secret.
 */
final class RequestLog {

    static final String REQUEST_ID = "X-Request-Id";
    static final String UNMATCHED_ROUTE = "unmatched";

    private static final Logger LOG = LoggerFactory.getLogger(RequestLog.class);
    private static final Pattern ACCEPTED_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final Pattern API_PATH = Pattern.compile("/v1/([^/]+)(?:/demanager/instances/([A-Za-z0-9-]{1,64}))?(?:/.*)?");
    private static final String IN_FLIGHT = RequestLog.class.getName() + ".inFlight";

    private final RequestMetrics metrics;

    RequestLog(RequestMetrics metrics) {
        this.metrics = metrics;
    }

    void begin(Context ctx) {
        MDC.clear();
        String requestId = requestId(ctx.header(REQUEST_ID));
        ctx.header(REQUEST_ID, requestId);
        MDC.put("request_id", requestId);
        Matcher api = API_PATH.matcher(ctx.path());
        if (api.matches() && Identifier.isWellFormed(api.group(1))) {
            MDC.put("project_id", api.group(1));
            if (api.group(2) != null) {
                MDC.put("instance_id", api.group(2));
            }
        }
        ctx.attribute(IN_FLIGHT, metrics.begin());
    }

    void end(Context ctx, Float durationMillis) {
        try {
            String method = ctx.method().name();
            String route = route(ctx);
            int status = ctx.statusCode();
            RequestMetrics.InFlight inFlight = ctx.attribute(IN_FLIGHT);
            if (inFlight != null) {
                inFlight.answered(method, route, status);
            }
            long millis = Math.round(durationMillis);
            // Probes and scrapes come every few seconds: worth a line only when looking closely.
            Level level = HealthAndMetricsRoutes.serves(route) ? Level.DEBUG : Level.INFO;
            LOG.atLevel(level)
                    .addKeyValue("method", method)
                    .addKeyValue("route", route)
                    .addKeyValue("status", status)
                    .addKeyValue("duration_ms", millis)
                    .log("{} {} {} {} ms", method, route, status, millis);
        } finally {
            MDC.clear();
        }
    }

    private static String route(Context ctx) {
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        return endpoint == null ? UNMATCHED_ROUTE : endpoint.path;
    }

    private static String requestId(String given) {
        return given != null && ACCEPTED_REQUEST_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
    }
}
