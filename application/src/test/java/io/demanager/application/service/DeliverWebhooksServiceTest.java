package io.demanager.application.service;

import io.demanager.application.port.in.DeliverWebhooksUseCase.Retries;
import io.demanager.application.port.out.WebhookOutbox;
import io.demanager.domain.instance.InstanceId;
import io.demanager.domain.instance.InstanceStatus;
import io.demanager.domain.instance.LifecycleEvent;
import io.demanager.domain.instance.NumberedEvent;
import io.demanager.domain.instance.ProjectId;
import io.demanager.domain.instance.TransitionCause;
import io.vavr.collection.List;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class DeliverWebhooksServiceTest {

    private static final Retries RETRIES = new Retries(3, Duration.ofSeconds(1), Duration.ofSeconds(3), Duration.ofSeconds(30));

    @Test
    void anAcceptedDeliveryIsDoneARefusedOneIsRetriedLaterAndTheLastAllowedAttemptIsGivenUp() {
        var outbox = new RecordingOutbox(List.of(delivery("https://accepts", 1), delivery("https://refuses", 2),
                delivery("https://refuses", 3)));
        var service = new DeliverWebhooksService(outbox, (endpoint, event) ->
                endpoint.equals("https://accepts") ? Option.none() : Option.some("answered 500"), RETRIES);

        int tried = service.deliverDue(10);

        assertThat(tried).isEqualTo(3);
        assertThat(outbox.settled).containsExactly(
                "delivered https://accepts",
                "retry https://refuses after PT2S: answered 500",
                "given up https://refuses: answered 500");
        assertThat(outbox.claimedFor).isEqualTo(RETRIES.patience());
    }

    @Test
    void thePauseDoublesFromTheFirstAndNeverExceedsTheLongest() {
        var retries = new Retries(10, Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofSeconds(30));

        assertThat(List.range(1, 7).map(retries::pauseAfter).map(Duration::toSeconds)).containsExactly(1L, 2L, 4L, 8L, 10L, 10L);
    }

    private static WebhookOutbox.Delivery delivery(String endpoint, int attempt) {
        var event = new LifecycleEvent(new InstanceId(UUID.randomUUID()), Option.some(InstanceStatus.RUNNING),
                InstanceStatus.STOPPING, TransitionCause.AUTO_STOP, Instant.EPOCH, 2);
        return new WebhookOutbox.Delivery(endpoint, new NumberedEvent(attempt, new ProjectId("p"), event), attempt);
    }

    private static final class RecordingOutbox implements WebhookOutbox {

        private final List<Delivery> due;
        private final java.util.List<String> settled = new ArrayList<>();
        private Duration claimedFor;

        RecordingOutbox(List<Delivery> due) {
            this.due = due;
        }

        @Override
        public List<Delivery> claim(int limit, Duration patience) {
            claimedFor = patience;
            return due.take(limit);
        }

        @Override
        public void delivered(Delivery delivery) {
            settled.add("delivered " + delivery.endpoint());
        }

        @Override
        public void retryLater(Delivery delivery, String reason, Duration pause) {
            settled.add("retry " + delivery.endpoint() + " after " + pause + ": " + reason);
        }

        @Override
        public void giveUp(Delivery delivery, String reason) {
            settled.add("given up " + delivery.endpoint() + ": " + reason);
        }

        @Override
        public Backlog backlog() {
            return new Backlog(due.size() - settled.size(), 0);
        }
    }
}
