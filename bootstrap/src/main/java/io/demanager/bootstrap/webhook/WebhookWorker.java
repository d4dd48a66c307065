package io.demanager.bootstrap.webhook;

import io.demanager.application.port.in.DeliverWebhooksUseCase;
import io.demanager.application.port.out.WebhookOutbox;
import io.demanager.application.port.out.WebhookOutbox.Backlog;
import io.demanager.bootstrap.worker.RoundLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * The webhook worker's background thread: it delivers the due deliveries batch by batch, then sleeps until events are
 * written ({@link #wake()}) or the poll interval ends, when deliveries to retry come due. After each round it reads
 * the outbox's backlog for the metrics. A round that fails (the database is away) is logged, and the next one tries
 * again.
 */
public final class WebhookWorker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookWorker.class);
    private static final int BATCH = 50;
    private static final Duration POLL = Duration.ofSeconds(1);

    private final DeliverWebhooksUseCase deliveries;
    private final WebhookOutbox outbox;
    private final RoundLoop loop = new RoundLoop("webhooks", this::deliver);
    private volatile Backlog backlog = new Backlog(0, 0);

    public WebhookWorker(DeliverWebhooksUseCase deliveries, WebhookOutbox outbox) {
        this.deliveries = deliveries;
        this.outbox = outbox;
    }

    public void start() {
        loop.start();
    }

    /** Events were written: deliver now. Returns at once, from any thread. */
    public void wake() {
        loop.wake();
    }

    /** The outbox's backlog after the last round. */
    public Backlog backlog() {
        return backlog;
    }

    /** Stops after the delivery in progress; what is not delivered stays in the outbox for the next server. */
    @Override
    public void close() {
        loop.close();
    }

    private Duration deliver() {
        try {
            int tried;
            do {
                tried = deliveries.deliverDue(BATCH);
            } while (tried == BATCH && !loop.closing());
            backlog = outbox.backlog();
        } catch (RuntimeException failed) {
            LOG.warn("A webhook round failed; the next one begins within {}", POLL, failed);
        }
        return POLL;
    }
}
