package io.demanager.adapter.http;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.component.Graceful;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reads a request's body before any route runs, without a thread waiting for it: the bytes are taken as the network
 * delivers them, and only a complete body is handed to the routes, which then read it at once. A client that sends
 * its body slowly, or never, holds a connection but no worker. At most {@value RequestBodies#MAX_BODY_BYTES} + 1
 * bytes are kept, which is enough for the routes to refuse a larger body with 413; up to {@value #DRAIN_LIMIT_BYTES}
 * more are read and dropped, so that the client is still reading when the 413 comes. A body that breaks off or
 * stalls (idle timeout, minimum data rate) is answered 408 without reaching the routes. A body announced larger than
 * that is not read at all: the routes refuse it by its length.
 * <p>
 * When the server stops, the bodies still arriving are read on: each one that completes is routed as usual. One that
 * breaks off meanwhile (a connection silent for {@link HttpApi#STOP_SILENCE_TIMEOUT} is closed during a stop), or is still arriving
 * {@code drainTimeout} after the stop began, is routed cut short, which the routes answer 503 with
 * {@code Retry-After}: the stop, not the client, ended it.
 */
final class BufferedBodies extends Handler.Wrapper implements Graceful {

    static final long DRAIN_LIMIT_BYTES = 1024 * 1024;
    private static final int KEPT_BYTES = RequestBodies.MAX_BODY_BYTES + 1;

    private final Duration drainTimeout;
    private final Set<Reading> arriving = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;

    BufferedBodies(Duration drainTimeout) {
        this.drainTimeout = drainTimeout;
    }

    /** The stop began: the bodies still arriving at the end of the drain are cut short. */
    @Override
    public CompletableFuture<Void> shutdown() {
        stopping = true;
        getServer().getScheduler().schedule(
                () -> arriving.forEach(reading -> getServer().getThreadPool().execute(reading::cutShort)),
                drainTimeout.toMillis(), TimeUnit.MILLISECONDS);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public boolean isShutdown() {
        return stopping;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!hasBody(request) || request.getLength() > KEPT_BYTES + DRAIN_LIMIT_BYTES) {
            return super.handle(request, response, callback);
        }
        var reading = new Reading(request, response, callback);
        arriving.add(reading);
        reading.run();
        return true;
    }

    private static boolean hasBody(Request request) {
        return request.getLength() > 0
                || request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING, HttpHeaderValue.CHUNKED.asString());
    }

    /** One body being read: each run takes what has arrived, then asks to be run again when more does. */
    private final class Reading implements Runnable {

        private final Request request;
        private final Response response;
        private final Callback callback;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private final AtomicBoolean done = new AtomicBoolean();
        private long dropped;

        Reading(Request request, Response response, Callback callback) {
            this.request = request;
            this.response = response;
            this.callback = callback;
        }

        @Override
        public void run() {
            while (!done.get()) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    request.demand(this);
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    if (stopping) {
                        cutShort();
                    } else if (finish()) {
                        Response.writeError(request, response, callback, HttpStatus.REQUEST_TIMEOUT_408);
                    }
                    return;
                }
                boolean last = chunk.isLast();
                take(chunk.getByteBuffer());
                chunk.release();
                if ((last || dropped > DRAIN_LIMIT_BYTES) && finish()) {
                    handOver(Content.Chunk.from(ByteBuffer.wrap(kept.toByteArray()), true));
                    return;
                }
            }
        }

        /** The stop ended the body before its end: the routes get a body that fails as they read it. */
        void cutShort() {
            if (finish()) {
                handOver(Content.Chunk.from(new EofException("the server stopped before the body arrived")));
            }
        }

        /** Whether this call ends the reading: it ends once, by the body's end, its failure or the stop. */
        private boolean finish() {
            arriving.remove(this);
            return done.compareAndSet(false, true);
        }

        private void take(ByteBuffer bytes) {
            int room = KEPT_BYTES - kept.size();
            int keep = Math.min(room, bytes.remaining());
            byte[] copy = new byte[keep];
            bytes.get(copy);
            kept.writeBytes(copy);
            dropped += bytes.remaining();
            bytes.position(bytes.limit());
        }

        private void handOver(Content.Chunk body) {
            Request complete = new CompleteBody(request, body);
            try {
                if (!BufferedBodies.super.handle(complete, response, callback)) {
                    Response.writeError(complete, response, callback, HttpStatus.NOT_FOUND_404);
                }
            } catch (Throwable failure) {
                Response.writeError(complete, response, callback, failure);
            }
        }
    }

    /** The request with its body already read: the routes get it whole, as one last chunk (or its failure). */
    private static final class CompleteBody extends Request.Wrapper {

        private Content.Chunk body;

        CompleteBody(Request request, Content.Chunk body) {
            super(request);
            this.body = body;
        }

        @Override
        public Content.Chunk read() {
            Content.Chunk next = body;
            body = Content.Chunk.isFailure(next) ? next : Content.Chunk.EOF;
            return next;
        }

        @Override
        public void demand(Runnable demandCallback) {
            demandCallback.run();
        }
    }
}
