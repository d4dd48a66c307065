package io.demanager.adapter.http;

import java.io.IOException;

/**
 * The request's body stopped arriving before its end: the client gave up, or the server, stopping, closed the
 * connection. Which of the two decides the answer, so {@link HttpApi} gives it.
 */
final class UploadCutShort extends RuntimeException {

    UploadCutShort(IOException cause) {
        super("the request body could not be read", cause);
    }
}
