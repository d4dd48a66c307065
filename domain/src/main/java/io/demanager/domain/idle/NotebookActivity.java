package io.demanager.domain.idle;

import io.vavr.collection.List;
import io.vavr.control.Option;

import java.time.Instant;
import java.util.Objects;

/**
 * What a running notebook is doing, as the notebook itself says: its kernels and its open terminals, each with the
 * last instant it did anything. Reading it is not activity.
 */
public record NotebookActivity(List<Kernel> kernels, List<Terminal> terminals) {

    /** One kernel: busy while it runs code; {@code lastActivity} is when it last did anything. */
    public record Kernel(String id, boolean busy, Instant lastActivity) {
        public Kernel {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(lastActivity, "lastActivity");
        }
    }

    /** One open terminal; {@code lastActivity} is when it last did anything, none if the notebook does not say. */
    public record Terminal(String name, Option<Instant> lastActivity) {
        public Terminal {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(lastActivity, "lastActivity");
        }
    }

    public NotebookActivity {
        Objects.requireNonNull(kernels, "kernels");
        Objects.requireNonNull(terminals, "terminals");
    }

    /** Whether a kernel runs code now. */
    public boolean isBusy() {
        return kernels.exists(Kernel::busy);
    }

    public int openTerminals() {
        return terminals.size();
    }

    /** The latest activity of the notebook's kernels and terminals; none before any. */
    public Option<Instant> lastActivity() {
        return kernels.map(Kernel::lastActivity).appendAll(terminals.flatMap(Terminal::lastActivity)).max();
    }
}
