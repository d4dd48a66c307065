package io.demanager.adapter.http;

import io.demanager.adapter.http.json.RequestError;
import io.demanager.application.port.in.IdentifyCallerUseCase;
import io.demanager.application.port.in.InstanceUseCases;
import io.demanager.application.port.in.StoreUnavailable;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.server.handler.MinimumDataRateHandler;
import org.eclipse.jetty.util.component.LifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.vavr.control.Either;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * The DevEnviron instance API on Javalin: its routes, who may call them, the error format of every failure,
 * routed or not, the operator's endpoints (health, metrics), and the console and API reference over the API. {@link #create} answers a configured server that
 * the caller starts; stopping it lets the requests in flight finish first, for up to {@link #STOP_TIMEOUT}.
 */
public final class HttpApi {

    public static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    /** How long a stop waits for the bodies still arriving; the rest of the stop lets the routes answer them. */
    static final Duration BODY_DRAIN_TIMEOUT = STOP_TIMEOUT.minusSeconds(2);
    /**
     * During a stop, a connection silent this long is closed: long enough for a body still arriving to pause (Jetty's
     * second is not, on a loaded host), short enough that idle keep-alive connections do not hold the stop long.
     */
    static final Duration STOP_SILENCE_TIMEOUT = Duration.ofSeconds(3);

    static final String OPENAPI_PATH = "/openapi.yaml";
    private static final String OPENAPI_RESOURCE = "openapi.yaml";
    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);

    private HttpApi() {
    }

    public static Javalin create(InstanceUseCases useCases, IdentifyCallerUseCase identifyCaller, HealthAndMetrics healthAndMetrics,
            HttpLimits limits) {
        var routes = new InstanceRoutes(useCases);
        var eventStreams = new EventStreams(useCases.watchEvents(), limits);
        var authentication = new Authentication(identifyCaller, limits.concurrentRequestsPerCaller());
        var requestLog = new RequestLog(healthAndMetrics.requests());
        var healthAndMetricsRoutes = new HealthAndMetricsRoutes(healthAndMetrics);
        byte[] openApi = openApiDocument();
        var console = ConsoleAssets.load();
        AtomicBoolean stopping = new AtomicBoolean();
        return Javalin.create(config -> {
            config.events.serverStopping(() -> {
                stopping.set(true);
                eventStreams.endAll();
            });
            config.startup.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(ResponseJson.MAPPER, false));
            config.http.prefer405over404 = true;
            config.router.ignoreTrailingSlashes = false;
            config.jetty.modifyServer(server -> {
                server.setErrorHandler(new JsonErrorHandler());
                // Javalin puts its own handler inside the innermost of these. The outermost holds the stop until
                // requests in flight are answered; meanwhile a connection that stays silent for
                // STOP_SILENCE_TIMEOUT is closed, so that idle keep-alive connections do not hold the stop.
                var graceful = new GracefulHandler();
                graceful.setShutdownIdleTimeout(STOP_SILENCE_TIMEOUT.toMillis());
                var methodOverrides = new MethodOverrides();
                var minimumRate = new MinimumDataRateHandler(limits.minRequestBytesPerSecond(), 0);
                graceful.setHandler(methodOverrides);
                methodOverrides.setHandler(minimumRate);
                minimumRate.setHandler(new BufferedBodies(BODY_DRAIN_TIMEOUT));
                server.setHandler(graceful);
                server.setStopTimeout(STOP_TIMEOUT.toMillis());
                server.addEventListener(idleTimeoutOnEveryConnector(limits.idleTimeout()));
            });

            config.routes.before(requestLog::begin);
            config.requestLogger.http(requestLog::end);
            config.routes.beforeMatched("/v1/*", authentication::check);
            config.routes.after("/v1/*", authentication::end);

            getAndHead(config.routes, "/", console::toHome);
            getAndHead(config.routes, "/console", console::toHome);
            getAndHead(config.routes, ConsoleAssets.HOME, console::home);
            getAndHead(config.routes, ConsoleAssets.FILE, console::file);
            getAndHead(config.routes, ConsoleAssets.SWAGGER_UI_FILE, console::swaggerUiFile);
            getAndHead(config.routes, OPENAPI_PATH, ctx -> ctx.contentType("application/yaml").result(openApi));
            getAndHead(config.routes, HealthAndMetricsRoutes.LIVE, healthAndMetricsRoutes::live);
            getAndHead(config.routes, HealthAndMetricsRoutes.READY, healthAndMetricsRoutes::ready);
            getAndHead(config.routes, HealthAndMetricsRoutes.METRICS, healthAndMetricsRoutes::metrics);
            config.routes.post(InstanceRoutes.INSTANCES, answering(routes::create));
            getAndHead(config.routes, InstanceRoutes.INSTANCES, answering(routes::list));
            getAndHead(config.routes, InstanceRoutes.INSTANCE, answering(routes::get));
            config.routes.put(InstanceRoutes.INSTANCE, answering(routes::modify));
            config.routes.delete(InstanceRoutes.INSTANCE, answering(routes::delete));
            config.routes.post(InstanceRoutes.ACTION, answering(routes::action));
            config.routes.patch(InstanceRoutes.LEASE, answering(routes::renew));
            getAndHead(config.routes, InstanceRoutes.TOKEN, answering(routes::accessToken));
            getAndHead(config.routes, InstanceRoutes.EVENTS, answering(routes::events));
            getAndHead(config.routes, InstanceRoutes.ACTIVITY, answering(routes::activity));
            getAndHead(config.routes, InstanceRoutes.CATALOG, answering(routes::catalog));
            config.routes.get(EventStreams.PATH, ctx -> eventStreams.stream(ctx).peekLeft(failure -> send(ctx, failure)));

            config.routes.exception(RefusedRequest.class, (refused, ctx) -> send(ctx, refused.failure()));
            config.routes.exception(StoreUnavailable.class, (outage, ctx) -> {
                LOG.warn("The store is unavailable: {}", outage.getMessage());
                ctx.header("Retry-After", String.valueOf(ErrorResponses.RETRY_AFTER_SECONDS));
                send(ctx, ErrorResponses.unavailable());
            });
            // A body cut short by the server's own stop is no fault of the client's: it may send the request again.
            config.routes.exception(UploadCutShort.class, (cutShort, ctx) -> {
                if (stopping.get()) {
                    ctx.header("Retry-After", String.valueOf(ErrorResponses.RETRY_AFTER_SECONDS));
                    send(ctx, ErrorResponses.unavailable());
                } else {
                    send(ctx, ErrorResponses.of(new RequestError.InvalidPayload("The body could not be read.")));
                }
            });
            config.routes.exception(HttpResponseException.class, (refused, ctx) -> {
                String allowed = refused.getDetails().get("availableMethods");
                if (allowed != null) {
                    ctx.header("Allow", allowed);
                }
                send(ctx, ErrorResponses.forServerStatus(refused.getStatus()));
            });
            config.routes.exception(Exception.class, (bug, ctx) -> {
                LOG.error("Unexpected failure of {} {}", ctx.method(), ctx.path(), bug);
                send(ctx, ErrorResponses.internalError());
            });
            config.router.javaLangErrorHandler((response, fatal) -> {
                LOG.error("Fatal error while answering a request", fatal);
                writeInternalError(response);
            });
        });
    }

    /** Javalin makes its connector when it starts; the timeout is set on it then. */
    private static LifeCycle.Listener idleTimeoutOnEveryConnector(Duration idleTimeout) {
        return new LifeCycle.Listener() {
            @Override
            public void lifeCycleStarting(LifeCycle server) {
                for (Connector connector : ((Server) server).getConnectors()) {
                    if (connector instanceof AbstractConnector network) {
                        network.setIdleTimeout(idleTimeout.toMillis());
                    }
                }
            }
        };
    }

    /**
     * HEAD is GET without the body. Registered explicitly: by itself, Javalin answers HEAD on a GET route with
     * an empty 200 without running the route, whatever GET would have answered.
     */
    private static void getAndHead(RoutesConfig routes, String path, Handler handler) {
        routes.get(path, handler);
        routes.head(path, handler);
    }

    private static Handler answering(Function<Context, Either<HttpFailure, InstanceRoutes.Answer>> operation) {
        return ctx -> operation.apply(ctx).fold(
                failure -> send(ctx, failure),
                answer -> {
                    answer.version().forEach(version -> ctx.header("ETag", Versions.etag(version)));
                    return ctx.json(answer.body());
                });
    }

    private static Context send(Context ctx, HttpFailure failure) {
        return ctx.status(failure.status()).json(failure.body());
    }

    /** Javalin hands a {@link Error} over with the bare response; unless it is already on its way, it gets the error body. */
    private static void writeInternalError(HttpServletResponse response) {
        if (response.isCommitted()) {
            return;
        }
        HttpFailure failure = ErrorResponses.internalError();
        response.resetBuffer();
        response.setStatus(failure.status());
        response.setContentType("application/json");
        try {
            response.getOutputStream().write(ResponseJson.bytes(failure.body()));
        } catch (IOException clientGone) {
            LOG.debug("The client left before the error body was written", clientGone);
        }
    }

    private static byte[] openApiDocument() {
        try (InputStream document = HttpApi.class.getResourceAsStream(OPENAPI_RESOURCE)) {
            if (document == null) {
                throw new IllegalStateException("the API document " + OPENAPI_RESOURCE + " is missing from the classpath");
            }
            return document.readAllBytes();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
