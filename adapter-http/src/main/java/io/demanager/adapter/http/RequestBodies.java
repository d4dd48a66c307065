package io.demanager.adapter.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.demanager.adapter.http.json.RequestError;
import io.demanager.adapter.http.json.StrictJson;
import io.javalin.http.Context;
import io.vavr.control.Either;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * The body of a request: a JSON object of at most {@value #MAX_BODY_BYTES} bytes sent as
 * {@code application/json} for the operations that take one, and nothing at all for the others.
 * The size is checked while reading, so a body sent without a length is bounded too. A body that stops arriving
 * before its end is an {@link UploadCutShort}.
 */
final class RequestBodies {

    static final int MAX_BODY_BYTES = 64 * 1024;

    private static final String JSON = "application/json";
    private static final long DRAIN_LIMIT_BYTES = 1024 * 1024;
    private static final int DRAIN_CHUNK_BYTES = 8 * 1024;

    private RequestBodies() {
    }

    static Either<HttpFailure, ObjectNode> jsonObject(Context ctx) {
        if (!isJson(ctx.header("Content-Type"))) {
            return unreadable("The Content-Type must be " + JSON + ".");
        }
        return bytes(ctx).flatMap(body -> StrictJson.readObject(body).mapLeft(ErrorResponses::of));
    }

    /** Reading, getting and deleting take no body; one is refused rather than silently ignored. */
    static Either<HttpFailure, Context> none(Context ctx) {
        return bytes(ctx).flatMap(body -> body.length == 0
                ? Either.right(ctx)
                : unreadable("This operation takes no request body."));
    }

    private static boolean isJson(String contentType) {
        return contentType != null
                && contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT).equals(JSON);
    }

    private static Either<HttpFailure, byte[]> bytes(Context ctx) {
        try (InputStream in = ctx.req().getInputStream()) {
            if (ctx.req().getContentLengthLong() <= MAX_BODY_BYTES) {
                byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
                if (body.length <= MAX_BODY_BYTES) {
                    return Either.right(body);
                }
            }
            dropUpTo(in, DRAIN_LIMIT_BYTES);
            return Either.left(ErrorResponses.payloadTooLarge(MAX_BODY_BYTES));
        } catch (IOException brokenUpload) {
            throw new UploadCutShort(brokenUpload);
        }
    }

    /**
     * Reads what is left of a refused body and drops it. A server that closes the connection on unread bytes
     * resets it, and the client may then never see the 413; past the bound, that risk is taken.
     */
    private static void dropUpTo(InputStream in, long limit) throws IOException {
        byte[] buffer = new byte[DRAIN_CHUNK_BYTES];
        long dropped = 0;
        for (int read = in.read(buffer); read > 0 && dropped < limit; read = in.read(buffer)) {
            dropped += read;
        }
    }

    private static <T> Either<HttpFailure, T> unreadable(String reason) {
        return Either.left(ErrorResponses.of(new RequestError.InvalidPayload(reason)));
    }
}
