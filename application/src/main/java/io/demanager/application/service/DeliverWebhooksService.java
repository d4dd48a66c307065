package io.demanager.application.service;

import io.demanager.application.port.in.DeliverWebhooksUseCase;
import io.demanager.application.port.out.WebhookOutbox;
import io.demanager.application.port.out.WebhookOutbox.Delivery;
import io.demanager.application.port.out.WebhookSender;

/**
 * Claims the due deliveries from the outbox, posts each, and settles it: done, tried again later with a longer pause,
 * or given up after the last attempt allowed. A server that dies before settling leaves its claims to expire, and
 * another server posts them again: a receiver may get an event twice, and recognises it by its id.
 */
public final class DeliverWebhooksService implements DeliverWebhooksUseCase {

    private final WebhookOutbox outbox;
    private final WebhookSender sender;
    private final Retries retries;

    public DeliverWebhooksService(WebhookOutbox outbox, WebhookSender sender, Retries retries) {
        this.outbox = outbox;
        this.sender = sender;
        this.retries = retries;
    }

    @Override
    public int deliverDue(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("a batch holds at least one delivery");
        }
        var claimed = outbox.claim(batchSize, retries.patience());
        claimed.forEach(this::deliver);
        return claimed.size();
    }

    private void deliver(Delivery delivery) {
        var failure = sender.send(delivery.endpoint(), delivery.event());
        if (failure.isEmpty()) {
            outbox.delivered(delivery);
        } else if (delivery.attempt() >= retries.attempts()) {
            outbox.giveUp(delivery, failure.get());
        } else {
            outbox.retryLater(delivery, failure.get(), retries.pauseAfter(delivery.attempt()));
        }
    }
}
