package io.demanager.application.port.in;

import java.time.Duration;
import java.util.Objects;

/**
 * The delivery of events to webhook endpoints, at least once each: what the server's webhook worker calls, batch by
 * batch.
 */
public interface DeliverWebhooksUseCase {

    /** Delivers up to {@code batchSize} deliveries whose time has come; answers how many it tried. */
    int deliverDue(int batchSize);

    /**
     * How often and how patiently a delivery is tried: after the first failure it waits {@code firstPause}, then
     * twice as long each time, never longer than {@code longestPause}; after {@code attempts} failures it is given up.
     *
     * @param patience how long one attempt may take, after which another server may try the delivery again
     */
    record Retries(int attempts, Duration firstPause, Duration longestPause, Duration patience) {

        public static final Retries DEFAULT = new Retries(10, Duration.ofSeconds(1), Duration.ofMinutes(10), Duration.ofSeconds(30));

        public Retries {
            Objects.requireNonNull(firstPause, "firstPause");
            Objects.requireNonNull(longestPause, "longestPause");
            Objects.requireNonNull(patience, "patience");
            if (attempts < 1) {
                throw new IllegalArgumentException("a delivery is tried at least once, not " + attempts + " times");
            }
            if (firstPause.isNegative() || longestPause.compareTo(firstPause) < 0 || patience.isNegative() || patience.isZero()) {
                throw new IllegalArgumentException("pauses from " + firstPause + " to " + longestPause + ", patience "
                        + patience + ": the pauses do not shrink and the patience is positive");
            }
        }

        /** The pause after the failure of attempt {@code attempt} (1 for the first). */
        public Duration pauseAfter(int attempt) {
            Duration pause = firstPause;
            for (int doubled = 1; doubled < attempt && pause.compareTo(longestPause) < 0; doubled++) {
                pause = pause.multipliedBy(2);
            }
            return pause.compareTo(longestPause) < 0 ? pause : longestPause;
        }
    }
}
