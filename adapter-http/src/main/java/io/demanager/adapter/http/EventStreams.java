package io.demanager.adapter.http;

import io.demanager.adapter.http.document.StreamedEventDocument;
import io.demanager.adapter.http.json.RequestError;
import io.demanager.application.port.in.WatchEventsQuery;
import io.demanager.application.port.in.WatchEventsUseCase;
import io.demanager.application.port.in.WatchEventsUseCase.EventWatch;
import io.demanager.domain.instance.NumberedEvent;
import io.demanager.domain.instance.ProjectId;
import io.javalin.http.Context;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Try;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * The project's events as Server-Sent Events ({@code text/event-stream}): each event's number is its SSE {@code id},
 * so that a client that reconnects with {@code Last-Event-ID} resumes after the last one it got; a comment is sent
 * when nothing happened for the keep-alive interval, so that proxies and the server's idle timeout keep the stream
 * open. Each stream holds a server thread for as long as it lasts, so there are at most so many at once, and at most so
 * many per user (429 beyond), so that no tenant can take the threads the others' requests need. The server's stop
 * ends every stream.
 */
final class EventStreams {

    static final String PATH = "/v1/{project_id}/demanager/events";
    static final String LAST_EVENT_ID = "Last-Event-ID";
    /** How many events one read of the store gives at most. */
    private static final int BATCH = 100;
    private static final Duration LONGEST_KEEP_ALIVE = Duration.ofSeconds(15);
    private static final Logger LOG = LoggerFactory.getLogger(EventStreams.class);

    private final WatchEventsUseCase watchEvents;
    private final CallerConcurrency perCaller;
    private final Semaphore streams;
    private final Duration keepAlive;
    private final Set<Thread> streaming = ConcurrentHashMap.newKeySet();

    EventStreams(WatchEventsUseCase watchEvents, HttpLimits limits) {
        this.watchEvents = watchEvents;
        this.perCaller = new CallerConcurrency(limits.eventStreamsPerCaller());
        this.streams = new Semaphore(limits.eventStreams());
        Duration halfIdle = limits.idleTimeout().dividedBy(2);
        this.keepAlive = halfIdle.compareTo(LONGEST_KEEP_ALIVE) < 0 ? halfIdle : LONGEST_KEEP_ALIVE;
    }

    /** Streams until the client leaves or the server stops; a refusal before the stream begins is answered as a failure. */
    Either<HttpFailure, Done> stream(Context ctx) {
        var principal = Authentication.principal(ctx);
        return InstanceRoutes.refused(ProjectId.of(ctx.pathParam("project_id")))
                .flatMap(project -> lastEventId(ctx).map(last -> new WatchEventsQuery(principal, project, last)))
                .flatMap(query -> RequestBodies.none(ctx).flatMap(noBody -> InstanceRoutes.refused(watchEvents.watch(query))))
                .flatMap(watch -> watch.toEither(() -> ErrorResponses.of(new RequestError.IncorrectValue(LAST_EVENT_ID))))
                .flatMap(watch -> {
                    try (watch) {
                        return within(ctx, principal.user().id(), watch);
                    }
                });
    }

    /** Every stream ends now: the server stops. */
    void endAll() {
        streaming.forEach(Thread::interrupt);
    }

    /** What a stream that ran answers: nothing more, its response is written. */
    enum Done { DONE }

    private Either<HttpFailure, Done> within(Context ctx, String user, EventWatch watch) {
        if (!streams.tryAcquire()) {
            ctx.header("Retry-After", String.valueOf(ErrorResponses.RETRY_AFTER_SECONDS));
            return Either.left(ErrorResponses.unavailable());
        }
        try {
            if (!perCaller.tryEnter(user)) {
                ctx.header("Retry-After", String.valueOf(ErrorResponses.RETRY_AFTER_SECONDS));
                return Either.left(ErrorResponses.tooManyRequests());
            }
            try {
                send(ctx, watch);
                return Either.right(Done.DONE);
            } finally {
                perCaller.leave(user);
            }
        } finally {
            streams.release();
        }
    }

    private void send(Context ctx, EventWatch watch) {
        Thread current = Thread.currentThread();
        streaming.add(current);
        var response = ctx.res();
        response.setStatus(200);
        response.setContentType("text/event-stream;charset=utf-8");
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Accel-Buffering", "no");
        try {
            OutputStream out = response.getOutputStream();
            write(out, ": watching\n\n");
            while (!current.isInterrupted()) {
                var events = watch.next(BATCH, keepAlive);
                write(out, events.isEmpty() ? ": keep-alive\n\n" : events.map(EventStreams::frame).mkString());
            }
        } catch (IOException clientGone) {
            LOG.debug("An event stream's client left", clientGone);
        } catch (InterruptedException stopping) {
            LOG.debug("An event stream ends with the server");
        } finally {
            streaming.remove(current);
            Thread.interrupted();
        }
    }

    private static String frame(NumberedEvent event) {
        return "id: " + event.id() + "\ndata: " + new String(ResponseJson.bytes(StreamedEventDocument.of(event)),
                StandardCharsets.UTF_8) + "\n\n";
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** None when the header is absent; a number otherwise, or the request is refused naming the header. */
    private static Either<HttpFailure, Option<Long>> lastEventId(Context ctx) {
        String header = ctx.header(LAST_EVENT_ID);
        if (header == null) {
            return Either.right(Option.none());
        }
        return Try.of(() -> Long.parseLong(header.strip())).toOption().filter(id -> id > 0)
                .<Either<HttpFailure, Option<Long>>>map(id -> Either.right(Option.some(id)))
                .getOrElse(() -> Either.left(ErrorResponses.of(new RequestError.IncorrectValue(LAST_EVENT_ID))));
    }
}
