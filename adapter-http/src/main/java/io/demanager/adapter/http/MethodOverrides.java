package io.demanager.adapter.http;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * A request means what its method says. The headers some frameworks read as "the real method" (Javalin among them,
 * for {@code X-HTTP-Method-Override}) are refused with 400 naming the header, before any route is chosen, so that a
 * GET can never delete. (A {@code _method} form field is never read: the API takes JSON bodies only.)
 */
final class MethodOverrides extends Handler.Wrapper {

    static final List<String> HEADERS = List.of("X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override");

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        for (String header : HEADERS) {
            if (request.getHeaders().contains(header)) {
                HttpFailure refused = ErrorResponses.methodOverride(header);
                response.setStatus(HttpStatus.BAD_REQUEST_400);
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
                response.write(true, ByteBuffer.wrap(ResponseJson.bytes(refused.body())), callback);
                return true;
            }
        }
        return super.handle(request, response, callback);
    }
}
