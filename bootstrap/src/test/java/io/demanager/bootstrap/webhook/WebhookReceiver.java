package io.demanager.bootstrap.webhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP endpoint on a free port of the local host (the JDK's server) that records every delivery it is sent, and
 * refuses them (503) while it is told to: as many as {@link #refuseNext} says, or all of them while {@link #down}.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** What one POST brought, and whether it was accepted. */
    public record Received(String eventId, String signature, String contentType, byte[] body, boolean accepted) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger refusals = new AtomicInteger();
    private volatile boolean down;

    public WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", this::receive);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    void refuseNext(int count) {
        refusals.set(count);
    }

    void down(boolean refusingAll) {
        down = refusingAll;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    public List<Received> accepted() {
        return received.stream().filter(Received::accepted).toList();
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            boolean accepted = !down && refusals.getAndUpdate(left -> Math.max(0, left - 1)) == 0;
            received.add(new Received(exchange.getRequestHeaders().getFirst(HttpWebhookSender.EVENT_ID),
                    exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER),
                    exchange.getRequestHeaders().getFirst("Content-Type"), body, accepted));
            exchange.sendResponseHeaders(accepted ? 204 : 503, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
