package io.demanager.application.port.out;

import io.demanager.domain.instance.NumberedEvent;
import io.vavr.control.Option;

/** Where events are posted to webhook endpoints. */
@FunctionalInterface
public interface WebhookSender {

    /** Posts {@code event} to {@code endpoint} and waits for its answer: none if it accepted it, else why not. */
    Option<String> send(String endpoint, NumberedEvent event);
}
