package io.demanager.application.port.out;

import io.demanager.domain.instance.NumberedEvent;
import io.vavr.collection.List;

import java.time.Duration;
import java.util.Objects;

/**
 * The events still to deliver to each webhook endpoint, written by the store with the events themselves, so that none
 * is lost when a server or a receiver dies. Any number of servers may deliver from one outbox: a delivery is claimed
 * by one of them at a time, for as long as it may take; one whose server died is claimed again once that time is up.
 */
public interface WebhookOutbox {

    /**
     * Claims up to {@code limit} deliveries whose time has come, those due first first, for {@code patience}: until
     * then no other claimer gets them. Each claim counts as an attempt.
     */
    List<Delivery> claim(int limit, Duration patience);

    /** The endpoint accepted the event: it is not delivered again. */
    void delivered(Delivery delivery);

    /** The attempt failed for {@code reason}: the delivery is tried again after {@code pause}. */
    void retryLater(Delivery delivery, String reason, Duration pause);

    /** The attempt failed for {@code reason}, and it was the last one allowed: the delivery is kept, given up. */
    void giveUp(Delivery delivery, String reason);

    /** How many deliveries wait, and how many were given up, for the operators. */
    Backlog backlog();

    /** One event to deliver to one endpoint, and how many attempts this one makes (1 for the first). */
    record Delivery(String endpoint, NumberedEvent event, int attempt) {

        public Delivery {
            Objects.requireNonNull(endpoint, "endpoint");
            Objects.requireNonNull(event, "event");
        }
    }

    record Backlog(long waiting, long givenUp) {
    }
}
