package io.demanager.bootstrap;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A request whose headers and first half of the body are sent, so that the server has begun answering it and waits
 * for the rest: a request in flight for as long as the test likes. A server that is stopping closes a connection that
 * stays silent for a second, so the test keeps it busy ({@link #sendOneMoreByte()}) until it sends the rest.
 */
final class HalfSentRequest implements AutoCloseable {

    private final Socket socket;
    private final byte[] rest;
    private int sent;

    private HalfSentRequest(Socket socket, byte[] rest) {
        this.socket = socket;
        this.rest = rest;
    }

    static HalfSentRequest post(int port, String path, String token, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nX-Auth-Token: " + token
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
        int half = body.length / 2;
        try {
            Socket socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, half);
            out.flush();
            return new HalfSentRequest(socket, Arrays.copyOfRange(body, half, body.length));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends one byte more of the body, but not the last. */
    void sendOneMoreByte() {
        try {
            socket.getOutputStream().write(rest, sent, 1);
            socket.getOutputStream().flush();
            sent++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends the rest of the body: the server can now answer. */
    void sendTheRest() {
        try {
            OutputStream out = socket.getOutputStream();
            out.write(rest, sent, rest.length - sent);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The status of the server's answer, once it has answered. */
    int status() {
        try {
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            if (!answer.startsWith("HTTP/1.1 ")) {
                throw new AssertionError("not an HTTP answer: " + answer);
            }
            return Integer.parseInt(answer.substring(9, 12));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Nothing is left to say to a server that is gone.
        }
    }
}
