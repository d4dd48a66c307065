package io.demanager.application.port.out;

import io.vavr.collection.List;
import io.vavr.control.Option;

import java.time.Instant;
import java.util.Objects;

/**
 * What a running notebook is doing, as the notebook itself says: its kernels, its open terminals, and the latest
 * instant anything happened in it. Reading it is not activity.
 *
 * @param lastActivity the latest activity of the notebook, its kernels and terminals; none before any
 */
public record NotebookActivity(List<Kernel> kernels, int openTerminals, Option<Instant> lastActivity) {

    /** One kernel: busy while it runs code; {@code lastActivity} is when it last did anything. */
    public record Kernel(String id, boolean busy, Instant lastActivity) {
        public Kernel {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(lastActivity, "lastActivity");
        }
    }

    public NotebookActivity {
        Objects.requireNonNull(kernels, "kernels");
        Objects.requireNonNull(lastActivity, "lastActivity");
        if (openTerminals < 0) {
            throw new IllegalArgumentException("a notebook has no negative number of terminals");
        }
    }

    /** Whether a kernel runs code now. */
    public boolean isBusy() {
        return kernels.exists(Kernel::busy);
    }
}
