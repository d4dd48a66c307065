package io.demanager.adapter.http;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;

/**
 * Errors the web server answers by itself, before or outside any route (a request line it cannot parse, a path
 * it refuses, headers that are too large), in the API's error format instead of the server's HTML page.
 */
final class JsonErrorHandler extends ErrorHandler {

    private static final String JSON = "application/json";

    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, JSON);
        response.write(true, ByteBuffer.wrap(body(code)), callback);
    }

    private static byte[] body(int status) {
        return ResponseJson.bytes(ErrorResponses.forServerStatus(status).body());
    }
}
