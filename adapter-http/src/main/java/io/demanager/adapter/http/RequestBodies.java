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
 * The size is checked while reading, so a body sent without a length is bounded too. {@link BufferedBodies} has
 * read the body from the network before, so reading it here never waits for the client; a body that stopped arriving
 * before its end is an {@link UploadCutShort}.
 */
final class RequestBodies {

    static final int MAX_BODY_BYTES = 64 * 1024;

    private static final String JSON = "application/json";

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
        if (ctx.req().getContentLengthLong() > MAX_BODY_BYTES) {
            return Either.left(ErrorResponses.payloadTooLarge(MAX_BODY_BYTES));
        }
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            return body.length <= MAX_BODY_BYTES
                    ? Either.right(body)
                    : Either.left(ErrorResponses.payloadTooLarge(MAX_BODY_BYTES));
        } catch (IOException brokenUpload) {
            throw new UploadCutShort(brokenUpload);
        }
    }

    private static <T> Either<HttpFailure, T> unreadable(String reason) {
        return Either.left(ErrorResponses.of(new RequestError.InvalidPayload(reason)));
    }
}
