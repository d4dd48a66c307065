package io.demanager.bootstrap.webhook;

import io.demanager.adapter.http.ResponseJson;
import io.demanager.adapter.http.document.StreamedEventDocument;
import io.demanager.application.port.out.WebhookSender;
import io.demanager.domain.instance.NumberedEvent;
import io.vavr.control.Option;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;

/**
 * Posts an event as JSON (the document of the event stream) with its id in {@value #EVENT_ID} and its signature
 * ({@link WebhookSignature}); any 2xx answer within the timeout is acceptance, anything else a failure to retry.
 */
public final class HttpWebhookSender implements WebhookSender {

    public static final String EVENT_ID = "X-Demanager-Event-Id";

    private final HttpClient client;
    private final WebhookSignature signature;
    private final Duration timeout;
    private final Clock clock;

    public HttpWebhookSender(WebhookSignature signature, Duration timeout, Clock clock) {
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        this.signature = signature;
        this.timeout = timeout;
        this.clock = clock;
    }

    @Override
    public Option<String> send(String endpoint, NumberedEvent event) {
        byte[] body = ResponseJson.bytes(StreamedEventDocument.of(event));
        var request = HttpRequest.newBuilder(URI.create(endpoint))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header(EVENT_ID, String.valueOf(event.id()))
                .header(WebhookSignature.HEADER, signature.sign(clock.instant().getEpochSecond(), body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status / 100 == 2 ? Option.none() : Option.some("answered " + status);
        } catch (IOException failed) {
            return Option.some(failed.getClass().getSimpleName() + ": " + failed.getMessage());
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            return Option.some("the server stopped while the endpoint was answering");
        }
    }
}
