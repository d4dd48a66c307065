package io.demanager.bootstrap.webhook;

import io.demanager.application.port.in.DeliverWebhooksUseCase.Retries;
import io.vavr.collection.Set;

import java.time.Duration;
import java.util.Objects;

/**
 * Where events are posted and how: the endpoints, the secret that signs each body, and the retries.
 *
 * @param secret  the HMAC-SHA256 key of the signatures, as configured (its UTF-8 bytes)
 * @param timeout how long an endpoint has to answer one delivery
 */
public record WebhookSettings(Set<String> endpoints, String secret, Duration timeout, Retries retries) {

    public WebhookSettings {
        Objects.requireNonNull(endpoints, "endpoints");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(retries, "retries");
        if (endpoints.isEmpty() || secret.isEmpty()) {
            throw new IllegalArgumentException("webhooks need at least one endpoint and a secret");
        }
    }

    @Override
    public String toString() {
        return endpoints.size() + " endpoint(s), " + retries.attempts() + " attempts, secret ****";
    }
}
