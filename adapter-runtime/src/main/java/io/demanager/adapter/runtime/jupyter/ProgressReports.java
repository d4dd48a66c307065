package io.demanager.adapter.runtime.jupyter;

import io.demanager.application.port.in.InstanceRef;
import io.demanager.application.port.in.RecordRuntimeProgressUseCase;
import io.demanager.domain.instance.RuntimeEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a runtime reports what it observed of its notebooks: the application's use case, given once at start. Reports
 * come from the runtime's own threads, so one made before that, one the use case refuses and one that fails are
 * logged, never thrown.
 */
public final class ProgressReports {

    private static final Logger LOG = LoggerFactory.getLogger(ProgressReports.class);

    private final String runtime;
    private volatile RecordRuntimeProgressUseCase recorder;

    /** @param runtime the runtime's name, for the log */
    public ProgressReports(String runtime) {
        this.runtime = runtime;
    }

    /** Where observations are reported; called once, before the first request. */
    public void reportTo(RecordRuntimeProgressUseCase recorder) {
        if (this.recorder != null) {
            throw new IllegalStateException("the " + runtime + " runtime already reports to a use case");
        }
        this.recorder = recorder;
    }

    public void report(InstanceRef ref, RuntimeEvent event) {
        RecordRuntimeProgressUseCase given = recorder;
        if (given == null) {
            LOG.error("The {} runtime reports to no use case: {} of {} is lost", runtime, event.wireName(), ref.instanceId().value());
            return;
        }
        try {
            given.record(ref, event).orElseRun(refused ->
                    LOG.info("{} of {} was not recorded: {}", event.wireName(), ref.instanceId().value(), refused.getClass().getSimpleName()));
        } catch (RuntimeException e) {
            LOG.warn("{} of {} could not be recorded", event.wireName(), ref.instanceId().value(), e);
        }
    }
}
